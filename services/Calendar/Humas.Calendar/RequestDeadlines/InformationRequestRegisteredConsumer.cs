using Humas.Eventing.Inbox;
using Humas.Ppid.Contracts;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.RequestDeadlines;

/// <summary>Puts a newly registered request's due date on its unit's calendar.</summary>
public sealed class InformationRequestRegisteredConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestRegistered>(dataSource)
{
    protected override string ConsumerName => "calendar.request-deadlines";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestRegistered> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        await using var command = new NpgsqlCommand("""
            INSERT INTO request_deadlines (request_id, registration_number, unit_id, received_at, due_date, due_date_provisional)
            VALUES (@id, @number, @unit, @received, @due, @provisional)
            ON CONFLICT (request_id) DO UPDATE SET due_date = excluded.due_date, due_date_provisional = excluded.due_date_provisional;
            INSERT INTO unit_request_counts (unit_id, registered) VALUES (@unit, 1)
            ON CONFLICT (unit_id) DO UPDATE SET registered = unit_request_counts.registered + 1;
            """, connection, transaction);
        command.Parameters.AddWithValue("id", m.RequestId);
        command.Parameters.AddWithValue("number", m.RegistrationNumber);
        command.Parameters.AddWithValue("unit", m.UnitId);
        command.Parameters.AddWithValue("received", m.ReceivedAt);
        command.Parameters.AddWithValue("due", m.DueDate);
        command.Parameters.AddWithValue("provisional", m.DueDateProvisional);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}
