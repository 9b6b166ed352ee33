using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Calendar.Views;

/// <summary>
/// Figures for leadership per unit and period: items published on time, late, missed (and still
/// open or cancelled), and berkala obligations due in the period met on time, met late or overdue.
/// </summary>
public static class LeadershipFigures
{
    public sealed record Figures(string UnitId, string Name, int PublishedOnTime, int PublishedLate, int Missed, int Open, int Cancelled, int Unplanned,
        int ObligationsMetOnTime, int ObligationsMetLate, int ObligationsOverdue, int ObligationsPending);

    public sealed record Result(string UnitId, DateOnly From, DateOnly To, IReadOnlyList<Figures> Units);

    private sealed record PublicationFigures(string UnitId, int PublishedOnTime, int PublishedLate, int Missed, int Open, int Cancelled, int Unplanned);

    private sealed record ObligationFigures(string UnitId, int MetOnTime, int MetLate, int Overdue, int Pending);

    public static void MapLeadershipFigures(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/figures", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).WithTags("Views").WithName("GetLeadershipFigures")
            .WithSummary("Per unit beneath a unit: published on time, late, missed; berkala obligations met or overdue, between two local dates (its officers)")
            .Produces<Result>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, DateOnly? from, DateOnly? to, HttpContext http, UnitDirectory units, NpgsqlDataSource db,
        ResourceAccess access, CancellationToken ct)
    {
        var query = ViewQuery.Parse(unitId, from, to, null, null, null, null, units);
        await access.DemandForUnitAsync(http, query.Unit.Id, ActOn.AnyOfficer);
        var (where, parameters) = query.PublicationFilter(publicOnly: false);
        await using var connection = await db.OpenConnectionAsync(ct);
        var publications = (await connection.QueryAsync<PublicationFigures>(new CommandDefinition($"""
            SELECT p.unit_id,
                   count(*) FILTER (WHERE p.status = 'published' AND NOT p.late)::int AS published_on_time,
                   count(*) FILTER (WHERE p.status = 'published' AND p.late)::int AS published_late,
                   count(*) FILTER (WHERE p.status = 'missed')::int AS missed,
                   count(*) FILTER (WHERE p.status IN ('planned', 'in-progress'))::int AS open,
                   count(*) FILTER (WHERE p.status = 'cancelled')::int AS cancelled,
                   count(*) FILTER (WHERE p.unplanned)::int AS unplanned
            FROM publications p WHERE {where} GROUP BY p.unit_id
            """, parameters, cancellationToken: ct))).ToDictionary(r => r.UnitId);
        var obligations = (await connection.QueryAsync<ObligationFigures>(new CommandDefinition($"""
            SELECT c.unit_id,
                   count(*) FILTER (WHERE c.met_at IS NOT NULL AND NOT c.met_late)::int AS met_on_time,
                   count(*) FILTER (WHERE c.met_at IS NOT NULL AND c.met_late)::int AS met_late,
                   count(*) FILTER (WHERE c.overdue AND c.met_at IS NULL)::int AS overdue,
                   count(*) FILTER (WHERE c.met_at IS NULL AND NOT c.overdue)::int AS pending
            FROM berkala_cycles c JOIN berkala_obligations b ON b.obligation_id = c.obligation_id
            WHERE {query.Scope("b")} AND c.due_date BETWEEN @from AND @to GROUP BY c.unit_id
            """, parameters, cancellationToken: ct))).ToDictionary(r => r.UnitId);
        var figures = publications.Keys.Union(obligations.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            var p = publications.GetValueOrDefault(id) ?? new PublicationFigures(id, 0, 0, 0, 0, 0, 0);
            var o = obligations.GetValueOrDefault(id) ?? new ObligationFigures(id, 0, 0, 0, 0);
            return new Figures(id, units.Find(id)?.Name ?? id, p.PublishedOnTime, p.PublishedLate, p.Missed, p.Open, p.Cancelled, p.Unplanned,
                o.MetOnTime, o.MetLate, o.Overdue, o.Pending);
        }).ToList();
        return TypedResults.Ok(new Result(query.Unit.Id, query.From, query.To, figures));
    }
}
