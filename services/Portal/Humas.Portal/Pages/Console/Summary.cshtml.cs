using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console;

/// <summary>
/// The leadership view of a year, for those who oversee (supervisors, administrators): for the
/// officer's unit and each unit directly below it, requests received, answered on time and late,
/// still open and overdue, extensions and objections (Ppid's annual report figures), with the sum
/// of them all; publications on time, late and missed and berkala obligations met or overdue (the
/// Calendar's figures); hoax reports, cases past their response target and time to clarification
/// (the Clarifications' statistics). Any other officer is told the view is not for them.
/// </summary>
public sealed class SummaryModel(ConsoleApi api, UnitDirectory units, TimeProvider clock) : ConsolePageModel
{
    public const int FirstYear = 2008;

    /// <summary>The roles that oversee: the atasan PPID and the administrators.</summary>
    public static readonly string[] SupervisorRoles = ["supervisor", "admin"];

    public int Year { get; private set; }
    public int LastYear { get; private set; }
    public IReadOnlyList<(Unit Unit, AnnualFigures Figures)> Rows { get; private set; } = [];
    public IReadOnlyList<(Unit Unit, UnitPublicationFigures Figures)> Publications { get; private set; } = [];
    public IReadOnlyList<(Unit Unit, ClarificationFigures Figures)> Clarifications { get; private set; } = [];
    public bool Unavailable { get; private set; }
    public bool Denied { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        LastYear = clock.GetUtcNow().Year;
        Year = year is { } y && y >= FirstYear && y <= LastYear ? y : LastYear;
        if (!SupervisorRoles.Contains(OfficerRole))
        {
            Denied = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (OfficerUnit is null || units.Find(OfficerUnit) is not { } own) return;
        var listed = new List<Unit> { own };
        listed.AddRange(units.All.Where(u => u.ParentId == own.Id).OrderBy(u => u.Id, StringComparer.Ordinal));
        var (from, to) = (new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
        var rows = new (Unit, AnnualFigures)[listed.Count];
        var clarifications = new (Unit, ClarificationFigures)[listed.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, listed.Count), options, async (i, token) =>
        {
            var result = await api.GetAnnualReportAsync(listed[i].Id, Year, token);
            if (result.Ok) rows[i] = (listed[i], result.Value!);
            else Unavailable = true;
            var hoaxes = await api.GetClarificationFiguresAsync(listed[i].Id, from, to, token);
            if (hoaxes.Ok) clarifications[i] = (listed[i], hoaxes.Value!);
            else Unavailable = true;
        });
        var calendar = await api.GetCalendarFiguresAsync(own.Id, from, to, ct);
        if (!calendar.Ok) Unavailable = true;
        if (Unavailable) return;
        Rows = rows;
        Clarifications = clarifications;
        // The Calendar lists only the units with anything to count: the others count nothing.
        var counted = calendar.Value!.Units.ToDictionary(u => u.UnitId);
        Publications = listed.Select(u => (u, counted.GetValueOrDefault(u.Id) ?? new UnitPublicationFigures(u.Id, u.Name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).ToList();
    }

    public AnnualFigures Total => new("", Year, Rows.Sum(r => r.Figures.RequestsReceived), Rows.Sum(r => r.Figures.AnsweredInFull), Rows.Sum(r => r.Figures.AnsweredInPart),
        Rows.Sum(r => r.Figures.Refused), Rows.Sum(r => r.Figures.NotHeld), Rows.Sum(r => r.Figures.NotYetDocumented), Rows.Sum(r => r.Figures.StillOpen), null,
        Rows.Sum(r => r.Figures.Extensions), Rows.Sum(r => r.Figures.AnsweredLate), Rows.Sum(r => r.Figures.OverdueUnanswered), Rows.Sum(r => r.Figures.ObjectionsFiled),
        Rows.Sum(r => r.Figures.ObjectionsUndecided), Rows.Sum(r => r.Figures.ObjectionsDecidedLate));
}
