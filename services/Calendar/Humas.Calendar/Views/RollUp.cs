using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Calendar.Views;

/// <summary>
/// What a province's or the national office's teams planned and did in a range of dates: counts
/// per status for each unit beneath it (a province: each regency and itself; national: each
/// province with its regencies), filterable like the agenda. For the officers of that unit.
/// </summary>
public static class RollUp
{
    public sealed record Counts(string UnitId, string Name, int Total, int Planned, int InProgress, int Published, int PublishedLate, int Missed, int Cancelled);

    public sealed record Result(string UnitId, DateOnly From, DateOnly To, Counts Totals, IReadOnlyList<Counts> Units);

    private sealed record Row(string GroupId, int Total, int Planned, int InProgress, int Published, int PublishedLate, int Missed, int Cancelled);

    public static void MapRollUp(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/roll-up", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).WithTags("Views").WithName("GetRollUp")
            .WithSummary("Counts per status for each unit beneath a province or national unit, between two local dates (officers of that unit)")
            .Produces<Result>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Result> QueryAsync(NpgsqlConnection connection, ViewQuery query, UnitDirectory units, CancellationToken ct)
    {
        var (where, parameters) = query.PublicationFilter(publicOnly: false);
        var group = query.Unit.Level == UnitLevel.National ? "p.province_code" : "p.unit_id";
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {group} AS group_id, count(*)::int AS total,
                   count(*) FILTER (WHERE p.status = 'planned')::int AS planned,
                   count(*) FILTER (WHERE p.status = 'in-progress')::int AS in_progress,
                   count(*) FILTER (WHERE p.status = 'published')::int AS published,
                   count(*) FILTER (WHERE p.status = 'published' AND p.late)::int AS published_late,
                   count(*) FILTER (WHERE p.status = 'missed')::int AS missed,
                   count(*) FILTER (WHERE p.status = 'cancelled')::int AS cancelled
            FROM publications p WHERE {where} GROUP BY {group} ORDER BY {group}
            """, parameters, cancellationToken: ct));
        var counts = rows.Select(r =>
        {
            var id = query.Unit.Level == UnitLevel.National ? $"{query.Unit.Id}-{r.GroupId}" : r.GroupId;
            return new Counts(id, units.Find(id)?.Name ?? id, r.Total, r.Planned, r.InProgress, r.Published, r.PublishedLate, r.Missed, r.Cancelled);
        }).ToList();
        var totals = new Counts(query.Unit.Id, query.Unit.Name, counts.Sum(c => c.Total), counts.Sum(c => c.Planned), counts.Sum(c => c.InProgress),
            counts.Sum(c => c.Published), counts.Sum(c => c.PublishedLate), counts.Sum(c => c.Missed), counts.Sum(c => c.Cancelled));
        return new Result(query.Unit.Id, query.From, query.To, totals, counts);
    }

    private static async Task<IResult> HandleAsync(string? unitId, DateOnly? from, DateOnly? to, string? channel, string? status, string? kind, string? stage,
        HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        var query = ViewQuery.Parse(unitId, from, to, channel, status, kind, stage, units);
        if (query.Unit.Level == UnitLevel.Regency) throw Refusal.Invalid("unitId", "view.not-a-roll-up-unit", query.Unit.Id);
        await access.DemandForUnitAsync(http, query.Unit.Id, ActOn.AnyOfficer);
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await QueryAsync(connection, query, units, ct));
    }
}
