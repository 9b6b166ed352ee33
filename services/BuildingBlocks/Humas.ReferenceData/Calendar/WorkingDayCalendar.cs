using System.Collections.Frozen;

namespace Humas.ReferenceData;

/// <summary>
/// Monday to Friday minus national holidays and cuti bersama (Perpres 21/2023). Immutable: an
/// administrator's change yields a new calendar, so open deadlines can be recomputed against it.
/// A year counts as covered once it holds at least one listed day (its decree is loaded). The
/// national holidays with a fixed date (<see cref="FixedDateHoliday"/>) are holidays in every
/// year, covered or not, so a count into a year whose decree is missing skips them too.
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Embedded =
        new(() => new WorkingDayCalendar(NonWorkingDayFile.LoadEmbedded(), FixedDateHoliday.LoadEmbedded()));

    private readonly FrozenDictionary<DateOnly, NonWorkingDay> _daysByDate;

    public WorkingDayCalendar(IEnumerable<NonWorkingDay> nonWorkingDays, IReadOnlyList<FixedDateHoliday>? fixedDateHolidays = null)
    {
        FixedDateHolidays = fixedDateHolidays ?? [];
        var byDate = new Dictionary<DateOnly, NonWorkingDay>();
        foreach (var day in nonWorkingDays)
        {
            if (!byDate.TryAdd(day.Date, day))
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed twice ({byDate[day.Date].NameId}; {day.NameId}).", nameof(nonWorkingDays));
        }
        _daysByDate = byDate.ToFrozenDictionary();
        NonWorkingDays = byDate.Values.OrderBy(day => day.Date).ToList();
        YearsCovered = NonWorkingDays.Select(day => day.Date.Year).Distinct().ToList();
    }

    public static WorkingDayCalendar LoadDefault() => Embedded.Value;

    /// <summary>The days listed by year (the decrees, and administrators' changes).</summary>
    public IReadOnlyList<NonWorkingDay> NonWorkingDays { get; }

    public IReadOnlyList<FixedDateHoliday> FixedDateHolidays { get; }

    public IReadOnlyCollection<int> YearsCovered { get; }

    /// <summary>A calendar with <paramref name="day"/> added, replacing any day already on that date.</summary>
    public WorkingDayCalendar WithNonWorkingDay(NonWorkingDay day) =>
        new(NonWorkingDays.Where(existing => existing.Date != day.Date).Append(day), FixedDateHolidays);

    /// <summary>A calendar without the day listed on <paramref name="date"/>; a fixed-date holiday on it stays (see <see cref="FixedDateHolidayOn"/>).</summary>
    public WorkingDayCalendar WithoutNonWorkingDay(DateOnly date) =>
        new(NonWorkingDays.Where(existing => existing.Date != date), FixedDateHolidays);

    /// <summary>The listed day on <paramref name="date"/>, else the fixed-date holiday falling on it.</summary>
    public NonWorkingDay? NonWorkingDayOn(DateOnly date) =>
        ListedOn(date) ?? (FixedDateHolidayOn(date) is { } holiday ? holiday.On(date.Year) : null);

    public NonWorkingDay? ListedOn(DateOnly date) => _daysByDate.GetValueOrDefault(date);

    public FixedDateHoliday? FixedDateHolidayOn(DateOnly date) => FixedDateHolidays.FirstOrDefault(holiday => holiday.FallsOn(date));

    public bool IsWorkingDay(DateOnly date, WorkingDayRules rules) => ReasonNotWorking(date, rules) is null;

    internal SkipReason? ReasonNotWorking(DateOnly date, WorkingDayRules rules)
    {
        var listed = ListedOn(date);
        if (listed?.Kind == NonWorkingDayKind.NationalHoliday || FixedDateHolidayOn(date) is not null)
            return SkipReason.NationalHoliday;
        if (listed?.Kind == NonWorkingDayKind.CutiBersama && rules.CutiBersamaIsNonWorking)
            return SkipReason.CutiBersama;
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? SkipReason.Weekend : null;
    }

    internal DateOnly NextWorkingDayAfter(DateOnly date, WorkingDayRules rules)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next, rules))
            next = next.AddDays(1);
        return next;
    }

    public DeadlineCalculation ComputeDeadline(DateTimeOffset receivedAt, IndonesianTimeZone zone, int workingDays, WorkingDayRules rules) =>
        DeadlineCounter.FromReceipt(this, receivedAt, zone, workingDays, rules);

    /// <summary>Counts from a known day 0, e.g. an extension counted from the original due date.</summary>
    public DeadlineCalculation ComputeDeadlineFromDay(DateOnly dayZero, int workingDays, WorkingDayRules rules) =>
        DeadlineCounter.FromDayZero(this, dayZero, workingDays, rules);
}
