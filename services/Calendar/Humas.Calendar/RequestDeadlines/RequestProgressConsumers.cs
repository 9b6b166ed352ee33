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
        await using var command = new NpgsqlCommand("""
            UPDATE request_deadlines
            SET due_date = CASE WHEN due_date_version < @version THEN @due ELSE due_date END,
                due_date_provisional = CASE WHEN due_date_version < @version THEN false ELSE due_date_provisional END,
                due_date_version = greatest(due_date_version, @version)
            WHERE request_id = @id
            """, connection, transaction);
        command.Parameters.AddWithValue("id", context.Message.RequestId);
        command.Parameters.AddWithValue("due", context.Message.DueDate);
        command.Parameters.AddWithValue("version", context.Message.RequestVersion);
        RequestNotYetKnown.ThrowIfNone(await command.ExecuteNonQueryAsync(context.CancellationToken), context.Message.RequestId);
    }
}

/// <summary>An answered request leaves the calendar's list of what is due; its answer is noted.</summary>
public sealed class InformationRequestAnsweredConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestAnswered>(dataSource)
{
    protected override string ConsumerName => "calendar.request-answered";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestAnswered> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE request_deadlines SET answered_at = @at, outcome = @outcome WHERE request_id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", context.Message.RequestId);
        command.Parameters.AddWithValue("at", context.Message.AnsweredAt.ToUniversalTime());
        command.Parameters.AddWithValue("outcome", context.Message.Outcome);
        RequestNotYetKnown.ThrowIfNone(await command.ExecuteNonQueryAsync(context.CancellationToken), context.Message.RequestId);
    }
}

/// <summary>A request went past its due date unanswered: the calendar flags it.</summary>
public sealed class InformationRequestOverdueConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestOverdue>(dataSource)
{
    protected override string ConsumerName => "calendar.request-overdue";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestOverdue> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand("UPDATE request_deadlines SET overdue = true WHERE request_id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", context.Message.RequestId);
        RequestNotYetKnown.ThrowIfNone(await command.ExecuteNonQueryAsync(context.CancellationToken), context.Message.RequestId);
    }
}

/// <summary>
/// Messages of one request travel on different queues and can overtake its registration. Such a
/// message fails, rolling back its inbox row, and MassTransit delivers it again after a back-off,
/// by which time the registration has usually arrived.
/// </summary>
internal sealed class RequestNotYetKnown(Guid requestId) : Exception($"Request {requestId} is not on the calendar yet; the message will be retried.")
{
    public static void ThrowIfNone(int rows, Guid requestId)
    {
        if (rows == 0) throw new RequestNotYetKnown(requestId);
    }
}
