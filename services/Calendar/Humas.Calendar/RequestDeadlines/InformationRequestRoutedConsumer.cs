using Humas.Eventing.Inbox;
using Humas.Ppid.Contracts;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.RequestDeadlines;

/// <summary>
/// A request was routed to another unit: its deadline moves to that unit's calendar, and the
/// officers of the unit it left no longer see it. Routings can arrive out of order (A→B→C as
/// B→C, then A→B): the one with the highest request version wins.
/// </summary>
public sealed class InformationRequestRoutedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<InformationRequestRouted>(dataSource)
{
    protected override string ConsumerName => "calendar.request-routed";

    protected override async Task HandleAsync(ConsumeContext<InformationRequestRouted> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        await using var command = RequestDeadlineRows.Upsert(connection, transaction, m.RequestId, m.RegistrationNumber, m.ToUnitId, m.RequestVersion,
            "due_date_version", "0", """
            unit_id = CASE WHEN request_deadlines.unit_version < @unitVersion THEN @unit ELSE request_deadlines.unit_id END,
            unit_version = greatest(request_deadlines.unit_version, @unitVersion)
            """);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
    }
}
