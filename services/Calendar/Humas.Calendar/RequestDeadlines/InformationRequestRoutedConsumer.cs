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
        await using var command = new NpgsqlCommand("""
            UPDATE request_deadlines
            SET unit_id = CASE WHEN unit_version < @version THEN @unit ELSE unit_id END,
                unit_version = greatest(unit_version, @version)
            WHERE request_id = @id
            """, connection, transaction);
        command.Parameters.AddWithValue("id", context.Message.RequestId);
        command.Parameters.AddWithValue("unit", context.Message.ToUnitId);
        command.Parameters.AddWithValue("version", context.Message.RequestVersion);
        RequestNotYetKnown.ThrowIfNone(await command.ExecuteNonQueryAsync(context.CancellationToken), context.Message.RequestId);
    }
}
