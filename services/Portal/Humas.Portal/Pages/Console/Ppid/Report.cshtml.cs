using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// The annual public information service report (Pasal 11) of a unit the officer works for and a
/// year: every figure Ppid gives, with the report as a CSV download streamed from Ppid.
/// </summary>
public sealed class ReportModel(ConsoleApi api, UnitDirectory units, TimeProvider clock) : ConsolePageModel
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public Unit? Unit { get; private set; }
    public int Year { get; private set; }
    public int LastYear { get; private set; }
    public AnnualReportView? Report { get; private set; }
    public Problem? Problem { get; private set; }

    public async Task OnGetAsync(string? unit, int? year, CancellationToken ct)
    {
        if (!Choose(unit, year)) return;
        var result = await api.GetAnnualReportViewAsync(Unit!.Id, Year, ct);
        if (result.Ok) Report = result.Value;
        else Fail(result.Problem);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? unit, int? year, CancellationToken ct)
    {
        if (!Choose(unit, year)) return Page();
        var (file, problem) = await CsvDownload.OpenAsync(api, Response, ConsoleApi.AnnualReportPath(Unit!.Id, Year, "csv"), $"laporan-tahunan-{Unit.Id}-{Year}.csv", ct);
        if (file is not null) return file;
        Fail(problem);
        return Page();
    }

    public string CsvLink => $"/console/ppid/report?handler=Csv&unit={Uri.EscapeDataString(Unit?.Id ?? "")}&year={Year}";

    private bool Choose(string? unit, int? year)
    {
        LastYear = clock.GetUtcNow().Year;
        Year = year is { } y && y >= SummaryModel.FirstYear && y <= LastYear ? y : LastYear;
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }
        Units = units.Below(own.Id).ToList();
        Unit = Units.FirstOrDefault(u => u.Id == unit) ?? own;
        return true;
    }

    /// <summary>The report could not be shown: the problem is shown instead (422, or 503 when the service could not be reached).</summary>
    private void Fail(Problem? problem) => Refuse(Problem = problem ?? new Problem(null, null, 503, null, null));
}
