using Humas.ServiceDefaults.Http;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
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

    private static async Task<IResult> GetAsync(string objectionNumber, HttpContext http, NpgsqlDataSource db, UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var row = await ObjectionLookup.FindAsync(db, objectionNumber, ct);
        var request = row is null ? null : await RequestLookup.FindAsync(db, row.RegistrationNumber, ct);
        var resource = row is null ? null
            : new ProtectedResource(request?.UnitId ?? row.UnitId, request is null ? null : new RequesterKeys(request.AccessCodeHash, request.RequesterAccount));
        await access.DemandAsync(http, resource, ActOn.RequesterOrPpidOfficer, "objection.not-found", objectionNumber);
        EntityTags.Set(http.Response, row!.Version);
        return TypedResults.Ok(ObjectionView.From(row, units));
    }

    private static async Task<IResult> ListAsync(string? unitId, string? status, string? decision, DateOnly? from, DateOnly? to, string? format,
        HttpContext http, NpgsqlDataSource db, UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var errors = new Validation();
        errors.FailWhen(string.IsNullOrWhiteSpace(unitId) || units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        errors.FailWhen(status is not null and not ("filed" or "decided"), "status", "field.unknown-value", "status", status, "filed, decided");
        errors.FailWhen(decision is not null and not ("accepted" or "rejected"), "decision", "field.unknown-value", "decision", decision, "accepted, rejected");
        errors.FailWhen(format is not null and not ("csv" or "json"), "format", "field.unknown-value", "format", format, "csv, json");
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unitId!, ActOn.PpidOfficer);
        var unitIds = units.Below(unitId!).Select(u => u.Id).ToList();
        var views = (await ObjectionLookup.ForUnitsAsync(db, unitIds, ct))
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
