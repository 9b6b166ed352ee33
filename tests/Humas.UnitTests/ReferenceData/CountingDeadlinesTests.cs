using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

public class CountingDeadlinesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();
    private static readonly WorkingDayRules Rules = WorkingDayRules.Default;

    private static DateTimeOffset Wib(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Given_a_request_received_Monday_22_December_2025_in_Jakarta_When_counting_10_working_days_Then_it_is_due_Thursday_8_January_2026()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 12, 22, 10), IndonesianTimeZone.Wib, 10, Rules);

        Assert.Equal(new DateOnly(2025, 12, 22), deadline.DayZero);
        Assert.Equal(new DateOnly(2026, 1, 8), deadline.DueDate);
        Assert.Equal(DayOfWeek.Thursday, deadline.DueDate.DayOfWeek);
        Assert.False(deadline.ReceiptMovedToNextWorkingDay);
        Assert.False(deadline.Provisional);
        Assert.Contains(new SkippedDay(new DateOnly(2025, 12, 25), SkipReason.NationalHoliday, "Hari Raya Natal", "Christmas Day"), deadline.SkippedDays);
        Assert.Contains(deadline.SkippedDays, day => day.Date == new DateOnly(2025, 12, 26) && day.Reason == SkipReason.CutiBersama);
        Assert.Contains(deadline.SkippedDays, day => day.Date == new DateOnly(2026, 1, 1) && day.Reason == SkipReason.NationalHoliday);
        Assert.Equal(
            [new DateOnly(2025, 12, 27), new DateOnly(2025, 12, 28), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4)],
            deadline.SkippedDays.Where(day => day.Reason == SkipReason.Weekend).Select(day => day.Date));
        Assert.Equal(7, deadline.SkippedDays.Count);
    }

    [Fact]
    public void Given_a_week_without_holidays_When_counting_5_working_days_from_a_Wednesday_Then_the_weekend_is_skipped()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 11, 12, 9), IndonesianTimeZone.Wib, 5, Rules);

        Assert.Equal(new DateOnly(2025, 11, 19), deadline.DueDate);
        Assert.Equal([SkipReason.Weekend, SkipReason.Weekend], deadline.SkippedDays.Select(day => day.Reason));
    }

    [Fact]
    public void Given_Maulid_Nabi_on_Friday_5_September_2025_When_counting_1_working_day_from_Thursday_Then_it_is_due_Monday()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 9, 4, 10), IndonesianTimeZone.Wib, 1, Rules);

        Assert.Equal(new DateOnly(2025, 9, 8), deadline.DueDate);
        Assert.Equal("Maulid Nabi Muhammad SAW", deadline.SkippedDays[0].NameId);
        Assert.Equal(SkipReason.NationalHoliday, deadline.SkippedDays[0].Reason);
    }

    [Fact]
    public void Given_default_rules_When_checking_cuti_bersama_26_December_2025_Then_it_is_not_a_working_day()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 12, 26), Rules));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 12, 26), Rules with { CutiBersamaIsNonWorking = false }));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 12, 25), Rules with { CutiBersamaIsNonWorking = false }));
    }

    [Fact]
    public void Given_cuti_bersama_counts_as_working_When_counting_the_December_2025_example_Then_it_is_due_a_day_earlier()
    {
        var rules = Rules with { CutiBersamaIsNonWorking = false };

        var deadline = Calendar.ComputeDeadline(Wib(2025, 12, 22, 10), IndonesianTimeZone.Wib, 10, rules);

        Assert.Equal(new DateOnly(2026, 1, 7), deadline.DueDate);
        Assert.DoesNotContain(deadline.SkippedDays, day => day.Reason == SkipReason.CutiBersama);
    }

    [Fact]
    public void Given_a_request_on_Monday_23_December_2024_When_counting_5_working_days_Then_the_count_crosses_into_2025()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2024, 12, 23, 10), IndonesianTimeZone.Wib, 5, Rules);

        Assert.Equal(new DateOnly(2025, 1, 2), deadline.DueDate);
        Assert.Contains(deadline.SkippedDays, day => day.Date == new DateOnly(2025, 1, 1) && day.NameEn == "New Year's Day");
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Given_Lebaran_2025_When_counting_1_working_day_from_Thursday_27_March_Then_it_is_due_Tuesday_8_April()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 3, 27, 10), IndonesianTimeZone.Wib, 1, Rules);

        Assert.Equal(new DateOnly(2025, 4, 8), deadline.DueDate);
        Assert.Equal(11, deadline.SkippedDays.Count);
        Assert.Equal(8, deadline.SkippedDays.Count(day => day.Reason != SkipReason.Weekend));
        Assert.Contains(deadline.SkippedDays, day => day.Date == new DateOnly(2025, 3, 29) && day.Reason == SkipReason.NationalHoliday);
    }

    [Fact]
    public void Given_a_working_day_When_asking_for_0_working_days_Then_day_zero_is_the_due_date()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 11, 12, 10), IndonesianTimeZone.Wib, 0, Rules);

        Assert.Equal(deadline.DayZero, deadline.DueDate);
    }

    [Fact]
    public void Given_a_negative_number_of_working_days_When_counting_Then_it_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.ComputeDeadlineFromDay(new DateOnly(2025, 11, 12), -1, Rules));
    }
}
