using Humas.Eventing.Inbox;
using Humas.Ppid.Contracts;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.RequestDeadlines;

/// <summary>A request's due date moved (extension, clarification, holiday change): the calendar shows the new date.</summary>
public sealed class InformationRequestDueDateChangedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestDueDateChanged>(dataSource)
{
    protected override string ConsumerName => "calendar.request-due-date-changed";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestDueDateChanged> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        // An older change arriving after a newer one leaves the newer date in place.
        var m = context.Message;
        await using var command = RequestDeadlineRows.Upsert(connection, transaction, m.RequestId, m.RegistrationNumber, m.UnitId, m.RequestVersion,
            "due_date, due_date_version", "@due, @version", """
            due_date = CASE WHEN request_deadlines.due_date_version < @version THEN @due ELSE request_deadlines.due_date END,
            due_date_provisional = CASE WHEN request_deadlines.due_date_version < @version THEN false ELSE request_deadlines.due_date_provisional END,
            due_date_version = greatest(request_deadlines.due_date_version, @version)
            """);
        command.Parameters.AddWithValue("due", m.DueDate);
        command.Parameters.AddWithValue("version", m.RequestVersion);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}

/// <summary>An answered request leaves the calendar's list of what is due; its answer is noted.</summary>
public sealed class InformationRequestAnsweredConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestAnswered>(dataSource)
{
    protected override string ConsumerName => "calendar.request-answered";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestAnswered> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        await using var command = RequestDeadlineRows.Upsert(connection, transaction, m.RequestId, m.RegistrationNumber, m.UnitId, unitVersion: 0,
            "answered_at, outcome, due_date_version", "@at, @outcome, 0", "answered_at = @at, outcome = @outcome");
        command.Parameters.AddWithValue("at", m.AnsweredAt.ToUniversalTime());
        command.Parameters.AddWithValue("outcome", m.Outcome);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}

/// <summary>A request went past its due date unanswered: the calendar flags it.</summary>
public sealed class InformationRequestOverdueConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestOverdue>(dataSource)
{
    protected override string ConsumerName => "calendar.request-overdue";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestOverdue> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        await using var command = RequestDeadlineRows.Upsert(connection, transaction, m.RequestId, m.RegistrationNumber, m.UnitId, unitVersion: 0,
            "overdue, due_date_version", "true, 0", "overdue = true");
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}

/// <summary>
/// Messages of one request travel on different queues, and on a busy day one can overtake its
/// registration by minutes (a backlog on the registrations' queue): waiting for it with retries
/// would send the message to the _error queue after the last retry, and the calendar would miss
/// the change. So each message takes effect at once: on the request's row, or on a row that waits
/// for its registration (<c>registered = false</c>, never listed), which the registration then
/// completes. Versions decide which value wins, whatever the order: the unit a message names is
/// the request's unit at its version (0 when the message carries none, so that the registration
/// and any routing overrule it).
/// </summary>
internal static class RequestDeadlineRows
{
    /// <param name="columns">The columns the message sets on a waiting row (with <paramref name="values"/>).</param>
    /// <param name="update">What it sets on an existing row.</param>
    public static NpgsqlCommand Upsert(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid requestId, string registrationNumber,
        string unitId, long unitVersion, string columns, string values, string update)
    {
        var command = new NpgsqlCommand($"""
            INSERT INTO request_deadlines (request_id, registration_number, unit_id, unit_version, registered, {columns})
            VALUES (@id, @number, @unit, @unitVersion, false, {values})
            ON CONFLICT (request_id) DO UPDATE SET {update}
            """, connection, transaction);
        command.Parameters.AddWithValue("id", requestId);
        command.Parameters.AddWithValue("number", registrationNumber);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("unitVersion", unitVersion);
        return command;
    }
}
