using System.Globalization;
using Humas.Portal.Api;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Humas.Portal.Pages.Console.Calendar.CalendarChoices;

namespace Humas.Portal.Pages.Console.Calendar;

/// <summary>
/// Plans a new item for the officer's unit (or a unit beneath it): on a local date and time, or
/// into the unscheduled pool when no time is given; or sets up a recurring item, weekly on some
/// weekdays or monthly on a day or the first or last working day, for a number of times or until
/// a date. A refused form keeps what was typed, with the service's message next to the field.
/// </summary>
public sealed class NewModel(ConsoleApi api, UnitDirectory units, TextCatalog texts) : ConsolePageModel
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    /// <summary>Which form was sent ("plan", "series"): only its fields show the refusal.</summary>
    public string? Posted { get; private set; }

    /// <summary>A fresh key for each form shown, so a form sent twice plans one item.</summary>
    public string IdempotencyKey { get; } = Guid.NewGuid().ToString();

    [BindProperty] public PlanForm Plan { get; set; } = new();
    [BindProperty] public SeriesForm Series { get; set; } = new();

    public IActionResult OnGet(string? date, string? unit)
    {
        if (!KnowUnits()) return NotFound();
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) ? asked : (DateOnly?)null;
        var chosen = Units.Any(u => u.Id == unit) ? unit : OfficerUnit;
        Plan = new PlanForm { UnitId = chosen, Date = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Visibility = "internal" };
        Series = new SeriesForm { UnitId = chosen, Start = Plan.Date, Visibility = "internal", Frequency = "weekly", Interval = "1" };
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!KnowUnits()) return NotFound();
        Posted = "plan";
        var date = Text(Plan.Date);
        var time = Text(Plan.Time);
        if ((date is null) != (time is null))
            return ShowRefusal(FieldRefused<CalendarItem>("plannedAt", texts["console.calendar.planned-at.both"]));
        var plannedAt = date is null ? null : $"{date}T{time}";
        var body = new CalendarPlanBody(Text(Plan.UnitId), Text(Plan.Title), Text(Plan.Kind), Picked(Plan.Channels, CalendarChoices.Channels), plannedAt,
            Text(Plan.Owner), Text(Plan.Notes), Text(Plan.Visibility));
        var result = await api.PlanCalendarItemAsync(body, Text(Plan.IdempotencyKey) ?? Guid.NewGuid().ToString(), ct);
        return result.Ok ? Redirect($"/console/calendar/items/{result.Value!.PublicationId}?done=planned") : ShowRefusal(result);
    }

    public async Task<IActionResult> OnPostSeriesAsync(CancellationToken ct)
    {
        if (!KnowUnits()) return NotFound();
        Posted = "series";
        var start = DateOnly.TryParseExact(Text(Series.Start), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : (DateOnly?)null;
        var until = DateOnly.TryParseExact(Text(Series.Until), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var u) ? u : (DateOnly?)null;
        if (start is null && Text(Series.Start) is not null) return ShowRefusal(FieldRefused<CalendarSeries>("start", texts["console.calendar.date.invalid"]));
        if (until is null && Text(Series.Until) is not null) return ShowRefusal(FieldRefused<CalendarSeries>("rule.until", texts["console.calendar.date.invalid"]));
        foreach (var (field, text) in new[] { ("rule.interval", Series.Interval), ("rule.day", Series.Day), ("rule.count", Series.Count) })
            if (Text(text) is not null && Number(text) is null) return ShowRefusal(FieldRefused<CalendarSeries>(field, texts["console.calendar.number.invalid"]));
        var weekly = Series.Frequency != "monthly";
        var monthlyOn = weekly ? null : Text(Series.MonthlyOn) ?? "day";
        var rule = new CalendarRule(weekly ? "weekly" : "monthly", Number(Text(Series.Interval)) ?? 1, weekly ? Picked(Series.Weekdays, Weekdays) : null,
            monthlyOn, monthlyOn == "day" ? Number(Text(Series.Day)) : null, until, Number(Text(Series.Count)));
        var body = new CalendarSeriesBody(Text(Series.UnitId), Text(Series.Title), Text(Series.Kind), Picked(Series.Channels, CalendarChoices.Channels),
            Text(Series.Notes), Text(Series.Visibility), Text(Series.Time), start, rule);
        var result = await api.CreateCalendarSeriesAsync(body, Text(Series.IdempotencyKey) ?? Guid.NewGuid().ToString(), ct);
        return result.Ok ? Redirect($"/console/calendar/series/{result.Value!.SeriesId}?done=created") : ShowRefusal(result);
    }

    private bool KnowUnits()
    {
        Units = OfficerUnit is null ? [] : units.Below(OfficerUnit).ToList();
        return Units.Count > 0;
    }

    private PageResult ShowRefusal<T>(ApiResult<T> result)
    {
        Refuse(result, Posted);
        return Page();
    }

    private static int? Number(string? text) => int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public sealed class PlanForm : ContentForm
    {
        public string? IdempotencyKey { get; set; }
        public string? UnitId { get; set; }
        public string? Date { get; set; }
        public string? Time { get; set; }
    }

    public sealed class SeriesForm : ContentForm
    {
        public string? IdempotencyKey { get; set; }
        public string? UnitId { get; set; }
        public string? Time { get; set; }
        public string? Start { get; set; }
        public string? Frequency { get; set; }
        public string? Interval { get; set; }
        public List<string> Weekdays { get; set; } = [];
        public string? MonthlyOn { get; set; }
        public string? Day { get; set; }
        public string? Count { get; set; }
        public string? Until { get; set; }
    }
}
