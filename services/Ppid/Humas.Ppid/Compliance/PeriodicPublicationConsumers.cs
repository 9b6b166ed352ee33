using Humas.Calendar.Contracts;
using Humas.Eventing.Inbox;
using MassTransit;
using Npgsql;

namespace Humas.Ppid.Compliance;

/// <summary>
/// The Calendar tracks each berkala obligation (UU 14/2008 Pasal 9: published at least every six
/// months) and says when one is scheduled, comes due or becomes overdue; the compliance view
/// shows the latest word on each. An older message arriving after a newer one changes nothing.
/// </summary>
internal static class PeriodicObligations
{
    public static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct, Guid id, string unitId, string title,
        string category, DateOnly dueDate, string state, DateTimeOffset? lastPublishedAt, DateTimeOffset? changedAt, long version)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO periodic_obligations (obligation_id, unit_id, title, category, due_date, state, last_published_at, changed_at, version)
            VALUES (@id, @unit, @title, @category, @due, @state, @published, @changed, @version)
            ON CONFLICT (obligation_id) DO UPDATE SET
                title = CASE WHEN periodic_obligations.version < excluded.version THEN excluded.title ELSE periodic_obligations.title END,
                due_date = CASE WHEN periodic_obligations.version < excluded.version THEN excluded.due_date ELSE periodic_obligations.due_date END,
                state = CASE WHEN periodic_obligations.version < excluded.version THEN excluded.state ELSE periodic_obligations.state END,
                changed_at = CASE WHEN periodic_obligations.version < excluded.version THEN excluded.changed_at ELSE periodic_obligations.changed_at END,
                last_published_at = CASE WHEN excluded.last_published_at IS NOT NULL
                        AND (periodic_obligations.last_published_at IS NULL OR excluded.last_published_at > periodic_obligations.last_published_at)
                    THEN excluded.last_published_at ELSE periodic_obligations.last_published_at END,
                version = greatest(periodic_obligations.version, excluded.version)
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("category", category);
        command.Parameters.AddWithValue("due", dueDate);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("published", lastPublishedAt is { } p ? p.ToUniversalTime() : DBNull.Value);
        command.Parameters.AddWithValue("changed", changedAt is { } c ? c.ToUniversalTime() : DBNull.Value);
        command.Parameters.AddWithValue("version", version);
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed class PeriodicPublicationScheduledConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PeriodicPublicationScheduled>(dataSource)
{
    protected override string ConsumerName => "ppid.periodic-publication-scheduled";

    protected override Task HandleAsync(ConsumeContext<PeriodicPublicationScheduled> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        return PeriodicObligations.UpsertAsync(connection, transaction, context.CancellationToken, m.ObligationId, m.UnitId, m.Title, m.Category, m.DueDate,
            "scheduled", m.LastPublishedAt, m.LastPublishedAt, m.ObligationVersion);
    }
}

public sealed class PeriodicPublicationDueConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PeriodicPublicationDue>(dataSource)
{
    protected override string ConsumerName => "ppid.periodic-publication-due";

    protected override Task HandleAsync(ConsumeContext<PeriodicPublicationDue> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        return PeriodicObligations.UpsertAsync(connection, transaction, context.CancellationToken, m.ObligationId, m.UnitId, m.Title, m.Category, m.DueDate,
            "due", null, m.NoticedAt, m.ObligationVersion);
    }
}

public sealed class PeriodicPublicationOverdueConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PeriodicPublicationOverdue>(dataSource)
{
    protected override string ConsumerName => "ppid.periodic-publication-overdue";

    protected override Task HandleAsync(ConsumeContext<PeriodicPublicationOverdue> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        return PeriodicObligations.UpsertAsync(connection, transaction, context.CancellationToken, m.ObligationId, m.UnitId, m.Title, m.Category, m.DueDate,
            "overdue", null, m.DetectedAt, m.ObligationVersion);
    }
}
