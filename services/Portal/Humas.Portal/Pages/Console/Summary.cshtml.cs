using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console;

/// <summary>
/// The leadership summary of a year: for the officer's unit and each unit directly below it,
/// requests received, answered on time and late, still open and overdue, extensions and
/// objections (Ppid's annual report figures), with the sum of them all. Only the officer's own
/// units are listed.
/// </summary>
public sealed class SummaryModel(ConsoleApi api, UnitDirectory units, TimeProvider clock) : ConsolePageModel
{
    public const int FirstYear = 2008;

    public int Year { get; private set; }
    public int LastYear { get; private set; }
    public IReadOnlyList<(Unit Unit, AnnualFigures Figures)> Rows { get; private set; } = [];
    public bool Unavailable { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        LastYear = clock.GetUtcNow().Year;
        Year = year is { } y && y >= FirstYear && y <= LastYear ? y : LastYear;
        if (OfficerUnit is null || units.Find(OfficerUnit) is not { } own) return;
        var listed = new List<Unit> { own };
        listed.AddRange(units.All.Where(u => u.ParentId == own.Id).OrderBy(u => u.Id, StringComparer.Ordinal));
        var rows = new (Unit, AnnualFigures)[listed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, listed.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var result = await api.GetAnnualReportAsync(listed[i].Id, Year, token);
            if (result.Ok) rows[i] = (listed[i], result.Value!);
            else Unavailable = true;
        });
        Rows = Unavailable ? [] : rows;
    }

    public AnnualFigures Total => new("", Year, Rows.Sum(r => r.Figures.RequestsReceived), Rows.Sum(r => r.Figures.AnsweredInFull), Rows.Sum(r => r.Figures.AnsweredInPart),
        Rows.Sum(r => r.Figures.Refused), Rows.Sum(r => r.Figures.NotHeld), Rows.Sum(r => r.Figures.NotYetDocumented), Rows.Sum(r => r.Figures.StillOpen), null,
        Rows.Sum(r => r.Figures.Extensions), Rows.Sum(r => r.Figures.AnsweredLate), Rows.Sum(r => r.Figures.OverdueUnanswered), Rows.Sum(r => r.Figures.ObjectionsFiled),
        Rows.Sum(r => r.Figures.ObjectionsUndecided), Rows.Sum(r => r.Figures.ObjectionsDecidedLate));
}
