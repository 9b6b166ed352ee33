using Dapper;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Calendar.Publications.MarkingMissed;

/// <summary>
/// A planned item whose planned day has ended (midnight in its unit's zone) while it was still
/// planned or in progress is marked missed by the service itself. Leadership sees it on the
/// missed list; it can still be published (late) or rescheduled.
/// </summary>
public static class MarkMissed
{
    public static IReadOnlyList<object> Decide(Publication p, DateTimeOffset now, IndonesianTimeZone zone) =>
        p.IsOpen && p.PlannedAt is { } planned && Publication.LocalDate(now, zone) > Publication.LocalDate(planned, zone)
            ? [new PublicationMissed(now, BySystem: true)]
            : [];

    /// <summary>Looks at every open item planned before the current day began in WIT (the earliest zone); returns how many it marked.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var witMidnight = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(9)).Date, TimeSpan.FromHours(9));
        await using var connection = await db.OpenConnectionAsync(ct);
        var candidates = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT publication_id FROM publications WHERE status IN ('planned', 'in-progress') AND planned_at < @before ORDER BY planned_at LIMIT 5000",
            new { before = witMidnight.UtcDateTime }, cancellationToken: ct))).AsList();
        var marked = 0;
        foreach (var id in candidates)
        {
            var outcome = await store.DecideAsync(Publication.StreamId(id), Publication.StreamType, Publication.Initial, Publication.Evolve,
                p => Decide(p, now, units.Find(p.UnitId)?.TimeZone ?? IndonesianTimeZone.Wib), new EventMetadata(Actor: "missed-detector"), ct);
            if (outcome is (_, [PublicationMissed])) marked++;
        }
        return marked;
    }
}
