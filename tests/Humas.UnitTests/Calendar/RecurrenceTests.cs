using Humas.Calendar.Recurrence;
using Humas.ReferenceData;

namespace Humas.UnitTests.Calendar;

/// <summary>Recurrence across holidays, month ends and year ends, with the holiday calendar Ppid uses.</summary>
public class RecurrenceTests
{
    private static readonly WorkingDayCalendar Holidays = WorkingDayCalendar.LoadDefault();
    private static readonly DateOnly Far = new(2030, 12, 31);

    private static List<DateOnly> Run(RecurrenceRule rule, DateOnly start, DateOnly? through = null) => rule.Occurrences(start, through ?? Far, Holidays).ToList();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Weekly_on_Monday_and_Thursday_across_the_year_end_keeps_its_weekdays_even_on_a_holiday() =>
        Assert.Equal([D(2025, 12, 29), D(2026, 1, 1), D(2026, 1, 5), D(2026, 1, 8)],
            Run(new RecurrenceRule(Frequency.Weekly, 1, [DayOfWeek.Thursday, DayOfWeek.Monday], null, null, null, 4), D(2025, 12, 29)));

    [Fact]
    public void Every_other_week_starting_midweek_skips_the_days_before_the_start() =>
        Assert.Equal([D(2026, 3, 5), D(2026, 3, 16), D(2026, 3, 19), D(2026, 3, 30)],
            Run(new RecurrenceRule(Frequency.Weekly, 2, [DayOfWeek.Monday, DayOfWeek.Thursday], null, null, D(2026, 4, 1), null), D(2026, 3, 4)));

    [Fact]
    public void Monthly_on_the_31st_falls_on_the_last_day_of_shorter_months_including_a_leap_February() =>
        Assert.Equal([D(2027, 12, 31), D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31), D(2028, 4, 30)],
            Run(new RecurrenceRule(Frequency.Monthly, 1, null, MonthlyOn.Day, 31, null, 5), D(2027, 12, 1)));

    [Fact]
    public void The_first_working_day_skips_new_year_and_a_Monday_holiday() =>
        Assert.Equal([D(2026, 1, 2), D(2026, 2, 2), D(2026, 3, 2), D(2026, 4, 1), D(2026, 5, 4), D(2026, 6, 2)],
            Run(new RecurrenceRule(Frequency.Monthly, 1, null, MonthlyOn.FirstWorkingDay, null, D(2026, 6, 30), null), D(2026, 1, 1)));

    [Fact]
    public void The_last_working_day_steps_back_over_weekends_holidays_and_cuti_bersama()
    {
        // May 2026: 31 Sunday (Waisak), 30 Saturday, 29 Friday works. March 2026: 31 Tuesday works.
        // December 2025: 31 Wednesday works; cuti bersama on the 26th does not matter.
        Assert.Equal([D(2025, 12, 31), D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30)],
            Run(new RecurrenceRule(Frequency.Monthly, 3, null, MonthlyOn.LastWorkingDay, null, null, 4), D(2025, 12, 1)));
        Assert.Equal([D(2026, 5, 29)], Run(new RecurrenceRule(Frequency.Monthly, 1, null, MonthlyOn.LastWorkingDay, null, null, 1), D(2026, 5, 1)));
    }

    [Fact]
    public void Every_six_months_on_a_day_with_an_end_date_and_a_window_that_cuts_earlier()
    {
        var rule = new RecurrenceRule(Frequency.Monthly, 6, null, MonthlyOn.Day, 15, D(2028, 1, 15), null);
        Assert.Equal([D(2026, 1, 15), D(2026, 7, 15), D(2027, 1, 15), D(2027, 7, 15), D(2028, 1, 15)], Run(rule, D(2026, 1, 10)));
        Assert.Equal([D(2026, 1, 15), D(2026, 7, 15)], Run(rule, D(2026, 1, 10), through: D(2026, 12, 31)));
        Assert.Equal([D(2026, 7, 15), D(2027, 1, 15)], Run(rule, D(2026, 1, 16)).Take(2));
    }

    [Fact]
    public void A_rule_names_what_it_lacks()
    {
        Assert.Equal(["rule.weekdays", "rule"], new RecurrenceRule(Frequency.Weekly, 1, [], null, null, null, null).Validate(D(2026, 1, 1)).Keys);
        Assert.Equal(["rule.interval", "rule.day", "rule.count"], new RecurrenceRule(Frequency.Monthly, 0, null, MonthlyOn.Day, 32, null, 0).Validate(D(2026, 1, 1)).Keys);
        Assert.Equal(["rule.day", "rule.until"], new RecurrenceRule(Frequency.Monthly, 1, null, MonthlyOn.FirstWorkingDay, 3, D(2025, 1, 1), null).Validate(D(2026, 1, 1)).Keys);
        Assert.True(new RecurrenceRule(Frequency.Monthly, 1, null, MonthlyOn.LastWorkingDay, null, null, 12).Validate(D(2026, 1, 1)).IsValid);
    }
}
