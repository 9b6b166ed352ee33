using Humas.Eventing.Inbox;
using Humas.Ppid.Contracts;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.RequestDeadlines;

/// <summary>
/// Puts a newly registered request's due date on its unit's calendar. A later message of the same
/// request that arrived first (see <see cref="RequestDeadlineRows"/>) left a row waiting: what it
/// set at a later version stays, the rest comes from the registration (version 1).
/// </summary>
public sealed class InformationRequestRegisteredConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestRegistered>(dataSource)
{
    protected override string ConsumerName => "calendar.request-deadlines";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestRegistered> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        await using var command = new NpgsqlCommand("""
            INSERT INTO request_deadlines (request_id, registration_number, unit_id, received_at, due_date, due_date_provisional)
            VALUES (@id, @number, @unit, @received, @due, @provisional)
            ON CONFLICT (request_id) DO UPDATE SET
                registered = true,
                registration_number = excluded.registration_number,
                received_at = excluded.received_at,
                unit_id = CASE WHEN request_deadlines.unit_version < 1 THEN excluded.unit_id ELSE request_deadlines.unit_id END,
                unit_version = greatest(request_deadlines.unit_version, 1),
                due_date = CASE WHEN request_deadlines.due_date_version < 1 THEN excluded.due_date ELSE request_deadlines.due_date END,
                due_date_provisional = CASE WHEN request_deadlines.due_date_version < 1 THEN excluded.due_date_provisional
                                            ELSE request_deadlines.due_date_provisional END,
                due_date_version = greatest(request_deadlines.due_date_version, 1);
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
