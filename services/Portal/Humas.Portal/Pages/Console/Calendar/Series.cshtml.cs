using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Calendar;

/// <summary>A recurring item with its planned occurrences, each a planned item of its own to open and change.</summary>
public sealed class SeriesModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public CalendarSeries Current { get; private set; } = null!;
    public bool Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        var series = await api.GetCalendarSeriesAsync(id, ct);
        if (!series.Ok) return Unreadable(series.Problem);
        if (OfficerUnit is null || !units.Oversees(OfficerUnit, series.Value!.UnitId)) return NotFound();
        Current = series.Value;
        Created = done == "created";
        return Page();
    }
}
