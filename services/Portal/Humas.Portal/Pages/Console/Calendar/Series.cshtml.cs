using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Calendar;

/// <summary>
/// A recurring item with its planned occurrences, each a planned item of its own to open and change:
/// one occurrence skipped (If-Match with that occurrence's version), or the series ended after a day
/// (If-Match with the series' version), the occurrences planned after it cancelled by the service.
/// </summary>
public sealed class SeriesModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public CalendarSeries Current { get; private set; } = null!;
    public string? Done { get; private set; }

    [BindProperty] public long Version { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public DateOnly? LastDate { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "created" or "skipped" or "ended" ? done : null;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSkipAsync(Guid id, CancellationToken ct)
    {
        if (Date is not { } date) return await ShowAsync(id, ct);
        var result = await api.SkipCalendarOccurrenceAsync(id, date, Version, ct);
        if (result.Ok) return Redirect($"/console/calendar/series/{id}?done=skipped");
        return await RefusedAsync(result, "skip", () => ShowAsync(id, ct));
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var result = await api.EndCalendarSeriesAsync(id, Version, new CalendarSeriesEndBody(LastDate, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()), ct);
        if (result.Ok) return Redirect($"/console/calendar/series/{id}?done=ended");
        return await RefusedAsync(result, "end", () => ShowAsync(id, ct));
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var series = await api.GetCalendarSeriesAsync(id, ct);
        if (!series.Ok) return Unreadable(series.Problem);
        if (OfficerUnit is null || !units.Oversees(OfficerUnit, series.Value!.UnitId)) return NotFound();
        Current = series.Value;
        return Page();
    }
}
