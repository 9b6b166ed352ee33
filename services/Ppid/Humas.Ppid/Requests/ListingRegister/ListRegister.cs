using System.Security.Claims;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Requests.ListingRegister;

/// <summary>The register of requests of a unit and the units under it, for its PPID officers.</summary>
public static class ListRegister
{
    public sealed record RegisterEntry(string RegistrationNumber, string UnitId, string Channel, string Status, DateTimeOffset ReceivedAt, DateOnly DueDate, bool DueDateProvisional);

    public static void MapListRegister(this RouteGroupBuilder requests) =>
        requests.MapGet("/", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithSummary("The register of a unit's requests (officers of the unit or a unit above it)")
            .Produces<IReadOnlyList<RegisterEntry>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, int? limit, ClaimsPrincipal user, UnitDirectory units, NpgsqlDataSource db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitId"] = ["Unit wajib diisi / unitId is required."] });
        if (units.Find(unitId) is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitId"] = [$"Unit '{unitId}' tidak dikenal / unknown unit."] });
        if (!OfficerAccess.MayActFor(user, unitId, units)) return OfficerAccess.Forbidden(unitId);

        var unitIds = units.Below(unitId).Select(u => u.Id).ToList();
        var rows = await RequestLookup.ListAsync(db, unitIds, Math.Clamp(limit ?? 100, 1, 1000), ct);
        return TypedResults.Ok(rows.Select(r => new RegisterEntry(r.RegistrationNumber, r.UnitId, r.Channel, r.Status, r.ReceivedAt, r.DueDate, r.DueDateProvisional)).ToList());
    }
}
