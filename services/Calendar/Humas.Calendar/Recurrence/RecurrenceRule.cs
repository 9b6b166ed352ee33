using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;

namespace Humas.Calendar.Recurrence;

public enum Frequency { Weekly, Monthly }

/// <summary>Which day of the month a monthly rule falls on.</summary>
public enum MonthlyOn { Day, FirstWorkingDay, LastWorkingDay }

/// <summary>
/// When a recurring item falls: weekly on given weekdays, or monthly on a day of the month (a day
/// the month lacks, such as the 31st, falls on its last day) or on its first or last working
/// day; every <see cref="Interval"/> weeks or months; until a date or for a number of
/// occurrences. Working days are those of the same holiday calendar Ppid counts deadlines with.
/// </summary>
public sealed record RecurrenceRule(Frequency Frequency, int Interval, IReadOnlyList<DayOfWeek>? Weekdays, MonthlyOn? MonthlyOn, int? Day, DateOnly? Until, int? Count)
{
    public const int MaxInterval = 24;
    public const int MaxCount = 500;

    public Validation Validate(DateOnly start, Validation? errors = null)
    {
        errors ??= new Validation();
        errors.FailWhen(Interval < 1 || Interval > MaxInterval, "rule.interval", "series.rule.interval", MaxInterval);
        if (Frequency == Frequency.Weekly) errors.FailWhen(Weekdays is null || Weekdays.Count == 0, "rule.weekdays", "series.rule.weekdays.required");
        var on = MonthlyOn ?? Recurrence.MonthlyOn.Day;
        if (Frequency == Frequency.Monthly && on == Recurrence.MonthlyOn.Day)
            errors.FailWhen(Day is null || Day < 1 || Day > 31, "rule.day", "series.rule.day.required");
        else errors.FailWhen(Day is not null, "rule.day", "series.rule.day.only-monthly-on-day");
        errors.FailWhen((Until is null) == (Count is null), "rule", "series.rule.end.required");
        if (Count is { } count) errors.FailWhen(count < 1 || count > MaxCount, "rule.count", "series.rule.count", MaxCount);
        if (Until is { } until) errors.FailWhen(until < start, "rule.until", "series.rule.until-before-start");
        return errors;
    }

    /// <summary>Every occurrence from <paramref name="start"/> on, in order, to the rule's end or <paramref name="through"/>, whichever comes first.</summary>
    public IEnumerable<DateOnly> Occurrences(DateOnly start, DateOnly through, WorkingDayCalendar calendar)
    {
        var produced = 0;
        foreach (var date in Candidates(start, calendar))
        {
            if (date < start) continue;
            if (Until is { } until && date > until) yield break;
            if (Count is { } count && produced >= count) yield break;
            if (date > through) yield break;
            produced++;
            yield return date;
        }
    }

    private IEnumerable<DateOnly> Candidates(DateOnly start, WorkingDayCalendar calendar)
    {
        if (Frequency == Frequency.Weekly)
        {
            var days = Weekdays!.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList(); // Monday first
            var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
            for (var week = monday; ; week = week.AddDays(7 * Interval))
                foreach (var day in days) yield return week.AddDays(((int)day + 6) % 7);
        }
        for (var month = new DateOnly(start.Year, start.Month, 1); ; month = month.AddMonths(Interval))
            yield return (MonthlyOn ?? Recurrence.MonthlyOn.Day) switch
            {
                Recurrence.MonthlyOn.FirstWorkingDay => FirstWorkingDay(month, calendar),
                Recurrence.MonthlyOn.LastWorkingDay => LastWorkingDay(month, calendar),
                _ => month.AddDays(Math.Min(Day!.Value, DateTime.DaysInMonth(month.Year, month.Month)) - 1),
            };
    }

    private static DateOnly FirstWorkingDay(DateOnly month, WorkingDayCalendar calendar)
    {
        var day = month;
        while (!calendar.IsWorkingDay(day, WorkingDayRules.Default)) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastWorkingDay(DateOnly month, WorkingDayCalendar calendar)
    {
        var day = month.AddMonths(1).AddDays(-1);
        while (!calendar.IsWorkingDay(day, WorkingDayRules.Default)) day = day.AddDays(-1);
        return day;
    }
}
