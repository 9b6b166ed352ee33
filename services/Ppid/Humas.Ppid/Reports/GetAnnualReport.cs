using Humas.ServiceDefaults.Problems;
using Humas.Ppid.Register;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Ppid.Reports;

/// <summary>The annual report is public information (Pasal 11): anyone may read it, as JSON or CSV.</summary>
public static class GetAnnualReport
{
    public static void MapGetAnnualReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/ppid/reports/annual", HandleAsync).AllowAnonymous().WithTags("Reports").WithName("GetAnnualReport")
            .WithSummary("The annual public information service report of a unit (format=csv for a spreadsheet)")
            .Produces<AnnualReport>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? unitId, int? year, string? format, UnitDirectory units, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Validation();
        var unit = unitId is null ? null : units.Find(unitId);
        errors.FailWhen(unit is null, "unitId", "field.unknown-unit", unitId);
        errors.FailWhen(year is not (>= 2008 and <= DateWindow.LastYear), "year", "report.year.required");
        errors.FailWhen(format is not null and not ("csv" or "json"), "format", "field.unknown-value", "format", format, "csv, json");
        errors.ThrowIfInvalid();

        var start = new DateTimeOffset(year!.Value, 1, 1, 0, 0, 0, unit!.TimeZone.UtcOffset);
        var report = await AnnualReport.ReadAsync(db, unit.Id, year.Value, start, start.AddYears(1), ct);
        return format == "csv" ? Csv.Stream($"laporan-tahunan-{unit.Id}-{year}.csv", ["indikator", "nilai"], CsvRows(report).ToAsyncEnumerable()) : TypedResults.Ok(report);
    }

    private static List<IReadOnlyList<object?>> CsvRows(AnnualReport r)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { Csv.Label("unit"), r.UnitId }, new object?[] { Csv.Label("tahun"), r.Year },
            new object?[] { Csv.Label("permohonan_diterima"), r.RequestsReceived }, new object?[] { Csv.Label("dipenuhi_seluruhnya"), r.AnsweredInFull },
            new object?[] { Csv.Label("dipenuhi_sebagian"), r.AnsweredInPart }, new object?[] { Csv.Label("ditolak"), r.Refused },
        };
        rows.AddRange(r.RefusedByExemption.Select(kv => (IReadOnlyList<object?>)[$"{Csv.Label("ditolak")}_{kv.Key}", kv.Value]));
        rows.AddRange(new IReadOnlyList<object?>[]
        {
            new object?[] { Csv.Label("tidak_dikuasai"), r.NotHeld }, new object?[] { Csv.Label("belum_didokumentasikan"), r.NotYetDocumented },
            new object?[] { Csv.Label("dirujuk"), r.Referred }, new object?[] { Csv.Label("dicabut"), r.Withdrawn }, new object?[] { Csv.Label("masih_diproses"), r.StillOpen },
            new object?[] { Csv.Label("rata_rata_hari_kerja_menjawab"), r.AverageAnswerWorkingDays }, new object?[] { Csv.Label("terlama_hari_kerja_menjawab"), r.LongestAnswerWorkingDays },
            new object?[] { Csv.Label("diperpanjang"), r.Extensions }, new object?[] { Csv.Label("dijawab_terlambat"), r.AnsweredLate }, new object?[] { Csv.Label("terlambat_belum_dijawab"), r.OverdueUnanswered },
            new object?[] { Csv.Label("keberatan_diajukan"), r.ObjectionsFiled }, new object?[] { Csv.Label("keberatan_diterima"), r.ObjectionsAccepted },
            new object?[] { Csv.Label("keberatan_ditolak"), r.ObjectionsRejected }, new object?[] { Csv.Label("keberatan_belum_diputus"), r.ObjectionsUndecided },
            new object?[] { Csv.Label("keberatan_diputus_terlambat"), r.ObjectionsDecidedLate }, new object?[] { Csv.Label("sengketa_komisi_informasi"), r.Disputes },
        });
        return rows;
    }
}
