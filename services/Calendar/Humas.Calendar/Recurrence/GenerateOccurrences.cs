using Humas.Calendar.WorkingDays;
using Dapper;
using Humas.Calendar.Publications;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Calendar.Recurrence;

/// <summary>
/// Plans a series' occurrences ahead, through a window (Humas:Calendar:Recurrence:WindowDays,
/// 90 days by default): each becomes a planned item of its own, at the series' local time. An
/// occurrence already there (generated before, changed or skipped since) is left as it is.
/// </summary>
public static class GenerateOccurrences
{
    public static IEnumerable<PublicationPlanned> Decide(Series series, DateOnly through, WorkingDayCalendar calendar, IndonesianTimeZone zone) =>
        series.Rule.Occurrences(series.Start, through, calendar).Select(date => new PublicationPlanned(
            Series.OccurrenceId(series.Id, date), series.UnitId, series.Template,
            new DateTimeOffset(date.ToDateTime(series.Time), zone.UtcOffset), series.Id, date));

    /// <summary>Appends the occurrences not yet planned; answers how many it planned.</summary>
    public static async Task<int> PlanAsync(EventStore store, Series series, DateOnly through, WorkingDayCalendar calendar, IndonesianTimeZone zone,
        EventMetadata metadata, CancellationToken ct)
    {
        var planned = 0;
        foreach (var occurrence in Decide(series, through, calendar, zone))
        {
            try
            {
                await store.AppendAsync(Publication.StreamId(occurrence.PublicationId), Publication.StreamType, ExpectedVersion.NoStream, [occurrence], metadata, ct);
                planned++;
            }
            catch (ConcurrencyException)
            {
                // Already planned (and perhaps changed or skipped since).
            }
        }
        await using var session = await store.OpenSessionAsync(ct);
        await using (var command = session.CreateCommand("""
            INSERT INTO series (series_id, unit_id, generated_to) VALUES (@id, @unit, @through)
            ON CONFLICT (series_id) DO UPDATE SET generated_to = greatest(series.generated_to, excluded.generated_to)
            """))
        {
            command.Parameters.AddWithValue("id", series.Id);
            command.Parameters.AddWithValue("unit", series.UnitId);
            command.Parameters.AddWithValue("through", through);
            await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return planned;
    }

    public static DateOnly WindowEnd(IServiceProvider services, DateTimeOffset now, IndonesianTimeZone zone) =>
        DateOnly.FromDateTime(zone.ToLocal(now).DateTime).AddDays(services.GetRequiredService<IConfiguration>().GetValue("Humas:Calendar:Recurrence:WindowDays", 90));

    /// <summary>Moves every series' window forward as days pass.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var calendar = await services.GetRequiredService<CalendarWorkingDays>().CurrentAsync(ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        var due = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT series_id FROM series WHERE generated_to < @through", new { through = DateOnly.FromDateTime(now.UtcDateTime).AddDays(89) }, cancellationToken: ct))).AsList();
        var planned = 0;
        foreach (var id in due)
        {
            if (await store.AggregateAsync(Series.StreamId(id), Series.Initial, Series.Evolve, ct) is not var (series, _)) continue;
            var zone = units.Find(series.UnitId)?.TimeZone ?? IndonesianTimeZone.Wib;
            planned += await PlanAsync(store, series, WindowEnd(services, now, zone), calendar, zone, new EventMetadata(Actor: "recurrence"), ct);
        }
        return planned;
    }
}
