using Humas.Eventing.Store;
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
    /// <summary>
    /// An objection. The texts (the requester's reasons, the atasan's reasons for the decision, the
    /// Komisi Informasi's reference of the dispute) may name people, so they are filled only for the
    /// officers of the unit, never in the register or for the requester's access code.
    /// </summary>
    public sealed record ObjectionView(string ObjectionNumber, string RegistrationNumber, string UnitId, IReadOnlyList<string> Grounds, string Status,
        DateTimeOffset FiledAt, DateOnly DecisionDueDate, string? Decision, DateTimeOffset? DecidedAt, bool? DecidedLate,
        DateOnly? DisputeFilingDueDate, DateTimeOffset? DisputeFiledAt, long Version,
        string? Reasons = null, string? DecisionReasons = null, string? CommissionReference = null)
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
            .WithSummary("The objection register of a unit and the units under it, newest first: unitId, status, decision, from, to (dates filed); a page of limit (cursor from the Link header), or every row with format=csv")
            .Produces<IReadOnlyList<ObjectionView>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> GetAsync(string objectionNumber, HttpContext http, NpgsqlDataSource db, UnitDirectory units, ResourceAccess access,
        EventStore store, CancellationToken ct)
    {
        var row = await ObjectionLookup.FindAsync(db, objectionNumber, ct);
        var request = row is null ? null : await RequestLookup.FindAsync(db, row.RegistrationNumber, ct);
        var resource = row is null ? null
            : new ProtectedResource(request?.UnitId ?? row.UnitId, request is null ? null : new RequesterKeys(request.AccessCodeHash, request.RequesterAccount));
        await access.DemandAsync(http, resource, ActOn.RequesterOrPpidOfficer, "objection.not-found", objectionNumber);
        EntityTags.Set(http.Response, row!.Version);
        var view = ObjectionView.From(row, units);
        return TypedResults.Ok(await access.AllowsAsync(http.User, resource!, ActOn.PpidOfficer) ? await WithTextsAsync(view, row, store, ct) : view);
    }

    /// <summary>The texts of the objection's events, for its unit's officers.</summary>
    private static async Task<ObjectionView> WithTextsAsync(ObjectionView view, ObjectionRow row, EventStore store, CancellationToken ct)
    {
        var events = (await store.ReadStreamAsync(Objection.StreamId(row.ObjectionId), ct)).Select(e => e.Data).ToList();
        return view with
        {
            Reasons = events.OfType<ObjectionFiled>().FirstOrDefault()?.Reasons,
            DecisionReasons = events.OfType<ObjectionDecided>().LastOrDefault()?.Reasons,
            CommissionReference = events.OfType<DisputeFiled>().LastOrDefault()?.CommissionReference,
        };
    }

    private static async Task<IResult> ListAsync(string? unitId, string? status, string? decision, DateOnly? from, DateOnly? to, string? format,
        int? limit, string? cursor, HttpContext http, NpgsqlDataSource db, UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var errors = new Validation();
        var unit = string.IsNullOrWhiteSpace(unitId) ? null : units.Find(unitId);
        errors.FailWhen(unit is null, "unitId", "field.unknown-unit", unitId);
        errors.FailWhen(status is not null and not ("filed" or "decided"), "status", "field.unknown-value", "status", status, "filed, decided");
        errors.FailWhen(decision is not null and not ("accepted" or "rejected"), "decision", "field.unknown-value", "decision", decision, "accepted, rejected");
        errors.FailWhen(format is not null and not ("csv" or "json"), "format", "field.unknown-value", "format", format, "csv, json");
        errors.FailWhen(from > to, "from", "field.from-after-to");
        var page = Paging.Read<ObjectionLookup.ObjectionKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unit!.Id, ActOn.PpidOfficer);

        // Dates of filing are the requested unit's local dates, as in the request register.
        var zone = unit.TimeZone;
        var filter = new ObjectionLookup.Filter(units.Below(unit.Id).Select(u => u.Id).ToList(), status, decision,
            from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), zone.UtcOffset) : null,
            to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone.UtcOffset) : null);
        if (format == "csv")
            return Register.Csv.Stream($"register-keberatan-{unit.Id}.csv", CsvHeader,
                ObjectionLookup.StreamAsync(db, filter with { Limit = null }, ct).Select(r => Cells(ObjectionView.From(r, units))));

        var rows = await ObjectionLookup.ListAsync(db, filter with { Limit = page.FetchLimit, After = page.After }, ct);
        return TypedResults.Ok(Paging.Answer(http, rows, page, ObjectionLookup.ObjectionKey.Of).Select(r => ObjectionView.From(r, units)).ToList());
    }

    private static readonly string[] CsvHeader =
    [
        "nomor_keberatan", "nomor_registrasi", "unit", "alasan", "diajukan", "batas_putusan", "status", "putusan", "tanggal_putusan", "putusan_terlambat",
        "batas_sengketa", "sengketa_diajukan",
    ];

    private static IReadOnlyList<object?> Cells(ObjectionView v) =>
    [
        v.ObjectionNumber, v.RegistrationNumber, v.UnitId, string.Join(" ", v.Grounds), v.FiledAt, v.DecisionDueDate,
        v.Status, v.Decision, v.DecidedAt, v.DecidedLate, v.DisputeFilingDueDate, v.DisputeFiledAt,
    ];
}
