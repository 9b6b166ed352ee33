using Humas.UseCases.Access;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Humas.Eventing.PersonalData;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Register;

/// <summary>
/// The register of requests (buku register) of a unit and the units under it: filterable by
/// status, outcome, period of receipt and overdue, as JSON a page at a time or as a CSV export of
/// every row. For the unit's officers only:
/// it carries the requester's name and address, which the register must hold.
/// </summary>
public static class ListRegister
{
    public sealed record Entry(string RegistrationNumber, string UnitId, string Channel, DateTimeOffset ReceivedAt, string RequesterName, string RequesterAddress,
        string InformationRequested, string Status, string? Outcome, string? Exemption, DateOnly DueDate, bool DueDateProvisional, bool Extended, bool Overdue,
        DateTimeOffset? ClosedAt, int? AnswerWorkingDays, long Version);

    private static readonly string[] Statuses = ["registered", "awaiting-clarification", "answered", "referred", "withdrawn"];
    private static readonly string[] Outcomes = ["granted", "granted-in-part", "refused", "not-held", "not-yet-documented"];

    public static void MapListRegister(this RouteGroupBuilder requests) =>
        requests.MapGet("/", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer).CarriesPersonalData().WithName("ListRegister")
            .WithSummary("The register of requests, newest first: unitId, status, outcome, from, to (dates of receipt), overdue; a page of limit (cursor from the Link header), or every row with format=csv")
            .Produces<IReadOnlyList<Entry>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, string? status, string? outcome, DateOnly? from, DateOnly? to, bool? overdue, string? format,
        int? limit, string? cursor, HttpContext http, UnitDirectory units, NpgsqlDataSource db, PersonalDataVault vault, ResourceAccess access, CancellationToken ct)
    {
        var errors = new Validation();
        var unit = unitId is null ? null : units.Find(unitId);
        errors.FailWhen(unit is null, "unitId", "field.unknown-unit", unitId);
        errors.FailWhen(status is not null && !Statuses.Contains(status), "status", "field.unknown-value", "status", status, string.Join(", ", Statuses));
        errors.FailWhen(outcome is not null && !Outcomes.Contains(outcome), "outcome", "field.unknown-value", "outcome", outcome, string.Join(", ", Outcomes));
        errors.FailWhen(format is not null and not ("csv" or "json"), "format", "field.unknown-value", "format", format, "csv, json");
        errors.FailWhen(from > to, "from", "field.from-after-to");
        var page = Paging.Read<RequestLookup.RegisterKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unit!.Id, ActOn.PpidOfficer);

        var zone = unit.TimeZone;
        var filter = new RequestLookup.Filter(units.Below(unit.Id).Select(u => u.Id).ToList(), status, outcome,
            from is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), zone.UtcOffset) : null,
            to is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone.UtcOffset) : null,
            overdue);
        if (format == "csv")
            return Csv.Stream($"register-{unit.Id}.csv", Header, CsvRows(RequestLookup.StreamAsync(db, filter with { Limit = null }, ct), units, vault, ct));

        var rows = await RequestLookup.ListAsync(db, filter with { Limit = page.FetchLimit, After = page.After }, ct);
        var entries = new List<Entry>();
        foreach (var r in Paging.Answer(http, rows, page, RequestLookup.RegisterKey.Of)) entries.Add(await EntryAsync(r, units, vault, ct));
        return TypedResults.Ok(entries);
    }

    private static async Task<Entry> EntryAsync(RequestRow r, UnitDirectory units, PersonalDataVault vault, CancellationToken ct)
    {
        var requester = r.RequesterErased ? null : await vault.OpenAsync<RequesterDetails>(r.RequesterSubject, r.SealedRequester, ct);
        var zone = units.Find(r.UnitId)!.TimeZone;
        return new Entry(r.RegistrationNumber, r.UnitId, r.Channel, zone.ToLocal(r.ReceivedAt),
            requester?.FullName ?? Erased, requester?.Address ?? Erased, r.InformationRequested, r.Status, r.Outcome, r.Exemption,
            r.DueDate, r.DueDateProvisional, r.Extended, r.Overdue, r.ClosedAt?.ToOffset(zone.UtcOffset), r.AnswerWorkingDays, r.Version);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> CsvRows(IAsyncEnumerable<RequestRow> rows, UnitDirectory units, PersonalDataVault vault,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in rows.WithCancellation(ct)) yield return Cells(await EntryAsync(r, units, vault, ct));
    }

    private const string Erased = "[dihapus / erased]";

    private static readonly string[] Header =
    [
        "nomor_registrasi", "unit", "saluran", "diterima", "nama_pemohon", "alamat_pemohon", "informasi_diminta", "status", "hasil", "pengecualian",
        "batas_waktu", "batas_waktu_sementara", "diperpanjang", "terlambat", "selesai", "hari_kerja_menjawab",
    ];

    private static IReadOnlyList<object?> Cells(Entry e) =>
    [
        e.RegistrationNumber, e.UnitId, e.Channel, e.ReceivedAt, e.RequesterName, e.RequesterAddress,
        e.InformationRequested, e.Status, e.Outcome, e.Exemption, e.DueDate, e.DueDateProvisional, e.Extended, e.Overdue, e.ClosedAt, e.AnswerWorkingDays,
    ];
}
