using System.Globalization;
using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Calendar;

/// <summary>
/// The humas calendar desk: a month or a week of the unit's items, day by day, with previous and
/// next links (no script needed); the unscheduled pool with a form to give each item a time; the
/// items missed in the last weeks and the berkala obligations overdue; for a province or national
/// officer, the roll-up of the units beneath; the unit's iCal subscription link.
/// </summary>
public sealed class IndexModel(ConsoleApi api, UnitDirectory units, TimeProvider clock, IConfiguration configuration) : ConsolePageModel
{
    /// <summary>How far back the missed list looks.</summary>
    public const int MissedDays = 60;

    public string View { get; private set; } = "month";
    public DateOnly Date { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateOnly Previous { get; private set; }
    public DateOnly Next { get; private set; }

    public Unit? Unit { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public CalendarAgenda? Agenda { get; private set; }
    public CalendarRollUp? RollUp { get; private set; }
    public CalendarMissed? Missed { get; private set; }
    public Problem? Problem { get; private set; }

    public async Task OnGetAsync(string? view, string? date, string? unit, CancellationToken ct)
    {
        View = view == "week" ? "week" : "month";
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        Units = units.Below(own.Id).ToList();
        Unit = (unit is null ? null : Units.FirstOrDefault(u => u.Id == unit)) ?? own;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Unit.TimeZone.UtcOffset).DateTime);
        Date = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked.Year is >= 2000 and <= 2100
            ? asked : Today;
        (From, To, Previous, Next) = View == "week" ? Week(Date) : Month(Date);

        var agenda = await api.GetCalendarAgendaAsync(Unit.Id, From, To, ct);
        if (!agenda.Ok)
        {
            Problem = agenda.Problem;
            return;
        }
        Agenda = agenda.Value;
        var missed = await api.GetCalendarMissedAsync(Unit.Id, Today.AddDays(-MissedDays), Today, ct);
        Missed = missed.Ok ? missed.Value : null;
        if (Unit.Level != UnitLevel.Regency)
        {
            var rollUp = await api.GetCalendarRollUpAsync(Unit.Id, From, To, ct);
            RollUp = rollUp.Ok ? rollUp.Value : null;
        }
    }

    /// <summary>Monday to Sunday around the day; the weeks before and after.</summary>
    public static (DateOnly From, DateOnly To, DateOnly Previous, DateOnly Next) Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6), monday.AddDays(-7), monday.AddDays(7));
    }

    /// <summary>The month of the day; the first days of the months before and after.</summary>
    public static (DateOnly From, DateOnly To, DateOnly Previous, DateOnly Next) Month(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1), first.AddMonths(-1), first.AddMonths(1));
    }

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1)) yield return day;
    }

    /// <summary>The items of a day; a skipped occurrence of a recurring item, or one after its end, is no longer on the plan (a cancelled single item stays, marked).</summary>
    public IEnumerable<CalendarRow> ItemsOn(DateOnly day) =>
        Agenda?.Items.Where(i => i.AgendaDate == day && !(i.SeriesId is not null && i.Status == "cancelled")) ?? [];

    public IEnumerable<CalendarStage> StagesOn(DateOnly day) => Agenda?.Stages?.Where(s => s.StartDate <= day && day <= s.EndDate) ?? [];

    public string Link(string view, DateOnly date) =>
        $"/console/calendar?view={view}&date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(Unit is not null && Unit.Id != OfficerUnit ? $"&unit={Uri.EscapeDataString(Unit.Id)}" : "")}";

    /// <summary>
    /// The unit's public calendar (iCalendar) at the system's public address (the gateway's, as the
    /// sign-in names it): behind the gateway the portal's own request names the portal's address.
    /// </summary>
    public string FeedUrl =>
        $"{PortalSetup.PublicAddress(configuration, Request)}/api/calendar/units/{Uri.EscapeDataString(Unit!.Id)}/calendar.ics";

    public string UnitName(string id) => units.Find(id)?.Name ?? id;
}
