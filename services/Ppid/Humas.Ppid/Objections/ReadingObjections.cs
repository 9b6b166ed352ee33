using System.Security.Claims;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Objections;

/// <summary>An objection as its requester or the unit's officers see it, and the unit's objection register.</summary>
public static class ReadingObjections
{
    public sealed record ObjectionView(string ObjectionNumber, string RegistrationNumber, string UnitId, IReadOnlyList<string> Grounds, string Status,
        DateTimeOffset FiledAt, DateOnly DecisionDueDate, string? Decision, DateTimeOffset? DecidedAt, bool? DecidedLate,
        DateOnly? DisputeFilingDueDate, DateTimeOffset? DisputeFiledAt, long Version)
    {
        public static ObjectionView From(ObjectionRow r, UnitDirectory units)
        {
            var zone = units.Find(r.UnitId)!.TimeZone;
            return new(r.ObjectionNumber, r.RegistrationNumber, r.UnitId, r.Grounds, r.Status, zone.ToLocal(r.FiledAt), r.DecisionDueDate, r.Decision,
                r.DecidedAt is { } decided ? zone.ToLocal(decided) : null, r.DecidedLate, r.DisputeDueDate,
                r.DisputeFiledAt is { } filed ? zone.ToLocal(filed) : null, r.Version);
        }
    }

    public static void MapReadingObjections(this RouteGroupBuilder objections)
    {
        objections.MapGet("/{objectionNumber}", GetAsync).AllowAnonymous().AcceptsAccessCode().WithName("GetObjection")
            .WithSummary("An objection (requester with the access code, or officers of the unit)")
            .Produces<ObjectionView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        objections.MapGet("/", ListAsync).RequireAuthorization(HumasPolicies.Authenticated).WithName("ListObjections")
            .WithSummary("The objection register of a unit and the units under it: unitId, status, decision, from, to (dates filed), format=csv")
            .Produces<IReadOnlyList<ObjectionView>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> GetAsync(string objectionNumber, HttpContext http, NpgsqlDataSource db, UnitDirectory units, CancellationToken ct)
    {
        var row = await ObjectionLookup.FindAsync(db, objectionNumber, ct);
        if (row is null) return Problems.NotFound(objectionNumber);
        var request = await RequestLookup.FindAsync(db, row.RegistrationNumber, ct);
        var allowed = OfficerAccess.MayActFor(http.User, row.UnitId, units) || (request is not null && RequesterAccess.IsRequester(http, request));
        if (!allowed)
            return http.User.Identity?.IsAuthenticated == true || http.Request.Headers.ContainsKey("X-Access-Code")
                ? Problems.Forbidden("Only the requester (with the access code) or officers of the unit may read this objection.")
                : Problems.Unauthorized("Send the request's access code in the X-Access-Code header.");
        http.Response.Headers.ETag = $"\"{row.Version}\"";
        return TypedResults.Ok(ObjectionView.From(row, units));
    }

    private static async Task<IResult> ListAsync(string? unitId, string? status, string? decision, DateOnly? from, DateOnly? to, string? format,
        ClaimsPrincipal user, NpgsqlDataSource db, UnitDirectory units, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId) || units.Find(unitId) is null) return Problems.Invalid("unitId", $"Unit '{unitId}' tidak dikenal / unknown or missing unit.");
        if (status is not null and not ("filed" or "decided")) return Problems.Invalid("status", "Use filed or decided.");
        if (decision is not null and not ("accepted" or "rejected")) return Problems.Invalid("decision", "Use accepted or rejected.");
        if (format is not null and not ("csv" or "json")) return Problems.Invalid("format", "Use csv or json.");
        if (!OfficerAccess.MayActFor(user, unitId, units)) return OfficerAccess.Forbidden(unitId);
        var views = (await ObjectionLookup.ForUnitsAsync(db, units.Below(unitId).Select(u => u.Id).ToList(), ct))
            .Select(r => ObjectionView.From(r, units))
            .Where(v => (status is null || v.Status == status) && (decision is null || v.Decision == decision)
                && (from is null || DateOnly.FromDateTime(v.FiledAt.DateTime) >= from) && (to is null || DateOnly.FromDateTime(v.FiledAt.DateTime) <= to))
            .ToList();
        return format == "csv" ? Register.Csv.File(ToCsv(views), $"register-keberatan-{unitId}.csv") : TypedResults.Ok(views);
    }

    private static string ToCsv(IEnumerable<ObjectionView> views) => Register.Csv.Write(
        ["nomor_keberatan", "nomor_registrasi", "unit", "alasan", "diajukan", "batas_putusan", "status", "putusan", "tanggal_putusan", "putusan_terlambat",
            "batas_sengketa", "sengketa_diajukan"],
        views.Select(v => (IReadOnlyList<object?>)[v.ObjectionNumber, v.RegistrationNumber, v.UnitId, string.Join(" ", v.Grounds), v.FiledAt, v.DecisionDueDate,
            v.Status, v.Decision, v.DecidedAt, v.DecidedLate, v.DisputeFilingDueDate, v.DisputeFiledAt]));
}
