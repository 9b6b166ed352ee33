using Humas.Calendar.Publications;
using Humas.Calendar.Recurrence;
using Humas.Calendar.WorkingDays;
using Humas.Ppid.Contracts;
using Humas.ReferenceData;

namespace Humas.UnitTests.Calendar;

/// <summary>A holiday added in Ppid reaches recurring items: the rule gives another day, and an untouched occurrence on the old one is cancelled.</summary>
public class WorkingDayChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly NonWorkingDayChanged Added = new()
    {
        CalendarVersion = 1, Date = new DateOnly(2027, 2, 1), NonWorking = true, Kind = "national-holiday", NameId = "Libur tambahan",
        NameEn = "Added holiday", Source = "Keppres", ChangedAt = Now,
    };

    [Fact]
    public void The_first_working_day_of_a_month_moves_past_a_holiday_added_on_it()
    {
        var rule = new RecurrenceRule(Frequency.Monthly, 1, null, MonthlyOn.FirstWorkingDay, null, null, 3);
        var shipped = WorkingDayCalendar.LoadDefault();
        var changed = shipped.WithNonWorkingDay(new NonWorkingDay(Added.Date, NonWorkingDayKind.NationalHoliday, "Libur tambahan", "Added holiday", "Keppres"));
        Assert.Contains(new DateOnly(2027, 2, 1), rule.Occurrences(new DateOnly(2027, 1, 15), new DateOnly(2027, 4, 30), shipped));
        var moved = rule.Occurrences(new DateOnly(2027, 1, 15), new DateOnly(2027, 4, 30), changed).ToList();
        Assert.DoesNotContain(new DateOnly(2027, 2, 1), moved);
        Assert.Contains(new DateOnly(2027, 2, 2), moved);
    }

    [Fact]
    public void An_untouched_planned_occurrence_is_cancelled_with_the_holiday_as_its_reason() =>
        Assert.Equal("Hari libur / non-working day 2027-02-01: Libur tambahan",
            Assert.IsType<PublicationCancelled>(Assert.Single(NonWorkingDayChangedConsumer.Realign(Publications.Given(), Now, Added))).Reason);

    [Fact]
    public void An_occurrence_already_in_progress_is_left_alone() =>
        Assert.Empty(NonWorkingDayChangedConsumer.Realign(Publications.Given() with { Status = PublicationStatus.InProgress }, Now, Added));
}
