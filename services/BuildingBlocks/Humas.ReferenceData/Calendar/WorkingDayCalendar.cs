using System.Collections.Frozen;

namespace Humas.ReferenceData;

/// <summary>
/// Monday to Friday minus national holidays and cuti bersama (Perpres 21/2023). Immutable: an
/// administrator's change yields a new calendar, so open deadlines can be recomputed against it.
/// A year counts as covered once it holds at least one listed day.
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Embedded = new(() => new WorkingDayCalendar(NonWorkingDayFile.LoadEmbedded()));

    private readonly FrozenDictionary<DateOnly, NonWorkingDay> _daysByDate;

    public WorkingDayCalendar(IEnumerable<NonWorkingDay> nonWorkingDays)
    {
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

    public IReadOnlyList<NonWorkingDay> NonWorkingDays { get; }

    public IReadOnlyCollection<int> YearsCovered { get; }

    /// <summary>A calendar with <paramref name="day"/> added, replacing any day already on that date.</summary>
    public WorkingDayCalendar WithNonWorkingDay(NonWorkingDay day) =>
        new(NonWorkingDays.Where(existing => existing.Date != day.Date).Append(day));

    public WorkingDayCalendar WithoutNonWorkingDay(DateOnly date) =>
        new(NonWorkingDays.Where(existing => existing.Date != date));

    public NonWorkingDay? NonWorkingDayOn(DateOnly date) => _daysByDate.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date, WorkingDayRules rules) => ReasonNotWorking(date, rules) is null;

    internal SkipReason? ReasonNotWorking(DateOnly date, WorkingDayRules rules)
    {
        if (_daysByDate.TryGetValue(date, out var listed))
        {
            if (listed.Kind == NonWorkingDayKind.NationalHoliday)
                return SkipReason.NationalHoliday;
            if (rules.CutiBersamaIsNonWorking)
                return SkipReason.CutiBersama;
        }
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
