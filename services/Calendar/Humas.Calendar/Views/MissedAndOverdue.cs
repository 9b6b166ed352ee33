using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Calendar.Views;

/// <summary>What leadership wants to see went wrong: missed items in the range and overdue berkala obligations, for a unit and everything beneath it.</summary>
public static class MissedAndOverdue
{
    public sealed record Result(string UnitId, DateOnly From, DateOnly To, IReadOnlyList<PublicationRow> Missed, IReadOnlyList<ObligationRow> OverdueObligations);

    public static void MapMissedAndOverdue(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/missed", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).WithTags("Views").WithName("ListMissedAndOverdue")
            .WithSummary("Missed items between two local dates and overdue berkala obligations of a unit and the units beneath it (its officers)")
            .Produces<Result>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, DateOnly? from, DateOnly? to, string? channel, string? kind, string? stage,
        HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        var query = ViewQuery.Parse(unitId, from, to, channel, "missed", kind, stage, units);
        await access.DemandForUnitAsync(http, query.Unit.Id, ActOn.AnyOfficer);
        var (where, parameters) = query.PublicationFilter(publicOnly: false);
        await using var connection = await db.OpenConnectionAsync(ct);
        var missed = (await connection.QueryAsync<PublicationRow>(new CommandDefinition(
            $"SELECT {PublicationRow.Columns} FROM publications p WHERE {where} ORDER BY p.agenda_date, p.unit_id, p.title LIMIT 5000", parameters,
            cancellationToken: ct))).Select(r => r.InZone(units.Find(r.UnitId)?.TimeZone.UtcOffset ?? query.Unit.TimeZone.UtcOffset)).ToList();
        var overdue = (await connection.QueryAsync<ObligationRow>(new CommandDefinition(
            $"SELECT {ObligationRow.Columns} FROM berkala_obligations b WHERE {query.Scope("b")} AND b.overdue ORDER BY b.due_date, b.unit_id LIMIT 5000",
            parameters, cancellationToken: ct))).AsList();
        return TypedResults.Ok(new Result(query.Unit.Id, query.From, query.To, missed, overdue));
    }
}
