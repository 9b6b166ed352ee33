using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Ppid.Compliance;

/// <summary>
/// The compliance view for a unit's officers: its berkala obligations as the Calendar reports
/// them, overdue first, with the counts. A province's officers see their regencies' too.
/// </summary>
public static class ComplianceView
{
    public sealed record Obligation(Guid ObligationId, string UnitId, string Title, string Category, DateOnly DueDate, string State,
        DateTimeOffset? LastPublishedAt, DateTimeOffset? ChangedAt);

    public sealed record Result(string UnitId, int Scheduled, int Due, int Overdue, IReadOnlyList<Obligation> Obligations);

    public static void MapComplianceView(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/ppid/compliance", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).WithTags("Compliance").WithName("GetComplianceView")
            .WithSummary("A unit's berkala obligations as the Calendar reports them: scheduled, due, overdue (officers of the unit)")
            .Produces<Result>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(unitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unitId!, ActOn.AnyOfficer);

        var scope = units.Below(unitId!).Select(u => u.Id).ToArray();
        await using var connection = await db.OpenConnectionAsync(ct);
        var obligations = (await connection.QueryAsync<Obligation>(new CommandDefinition("""
            SELECT obligation_id, unit_id, title, category, due_date, state, last_published_at, changed_at FROM periodic_obligations
            WHERE unit_id = ANY (@scope)
            ORDER BY array_position(ARRAY['overdue', 'due', 'scheduled'], state), due_date, unit_id, title
            """, new { scope }, cancellationToken: ct))).AsList();
        return TypedResults.Ok(new Result(unitId!, obligations.Count(o => o.State == "scheduled"), obligations.Count(o => o.State == "due"),
            obligations.Count(o => o.State == "overdue"), obligations));
    }
}
