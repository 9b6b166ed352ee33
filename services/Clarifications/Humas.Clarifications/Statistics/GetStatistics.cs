using Dapper;
using Humas.Clarifications.Cases;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Npgsql;

namespace Humas.Clarifications.Statistics;

/// <summary>
/// Public statistics of a unit (with its units) or national, for a period of days (in UTC): reports
/// received, cases opened, time to clarification (median and 90th percentile, in hours) by track
/// and label, cases past their target, and resurfacing (reports that repeat a published
/// clarification). Computed in SQL from the read models; no personal data.
/// </summary>
public static class GetStatistics
{
    public sealed record TimeToClarification(string Track, string Label, long Published, double MedianHours, double P90Hours);

    public sealed record StatisticsView(
        string? UnitId, DateOnly From, DateOnly To, long ReportsReceived, long Cases, long CasesPastTarget, long Resurfacing, long Published,
        IReadOnlyList<TimeToClarification> TimeToClarification);

    public static void MapGetStatistics(this RouteGroupBuilder api) =>
        api.MapGet("/statistics", HandleAsync).AllowAnonymous().WithTags("Statistics").WithName("GetClarificationStatistics")
            .WithSummary("Reports, cases, time to clarification (median, p90) by track and label, cases past target and resurfacing, per unit and period (public)")
            .Produces<StatisticsView>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? unitId, DateOnly? from, DateOnly? to, UnitDirectory units, TimeProvider clock, NpgsqlDataSource db,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        var errors = new Validation();
        errors.FailWhen(unitId is not null && units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        errors.Date(start, "from").Date(end, "to");
        errors.FailWhen(end < start, "to", "clarification.statistics.period-reversed");
        errors.ThrowIfInvalid();

        var filter = unitId is null ? "true" : $"({Sql.UnitFilter})";
        var args = new
        {
            unit = unitId,
            start = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            end = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var totals = await connection.QuerySingleAsync<(long Reports, long Resurfacing, long Cases, long PastTarget, long Published)>(new CommandDefinition($"""
            SELECT
              (SELECT count(*) FROM clarification_reports WHERE {filter} AND received_at >= @start AND received_at < @end),
              (SELECT count(*) FROM clarification_reports WHERE {filter} AND received_at >= @start AND received_at < @end AND linked_number IS NOT NULL),
              (SELECT count(*) FROM clarification_cases WHERE {filter} AND opened_at >= @start AND opened_at < @end),
              (SELECT count(*) FROM clarification_cases WHERE {filter} AND opened_at >= @start AND opened_at < @end AND flagged),
              (SELECT count(*) FROM clarification_cases WHERE {filter} AND published_at >= @start AND published_at < @end)
            """, args, cancellationToken: ct));
        var times = (await connection.QueryAsync<TimeToClarification>(new CommandDefinition($"""
            SELECT track, label, count(*) AS published,
                   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - opened_at)) / 3600)::numeric, 2)::float8 AS median_hours,
                   round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - opened_at)) / 3600)::numeric, 2)::float8 AS p90_hours
            FROM clarification_cases
            WHERE {filter} AND published_at >= @start AND published_at < @end
            GROUP BY track, label ORDER BY track, label
            """, args, cancellationToken: ct))).ToList();
        return TypedResults.Ok(new StatisticsView(unitId, start, end, totals.Reports, totals.Cases, totals.PastTarget, totals.Resurfacing, totals.Published, times));
    }
}
