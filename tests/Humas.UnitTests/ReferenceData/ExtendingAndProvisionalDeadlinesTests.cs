using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

public class ExtendingAndProvisionalDeadlinesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();
    private static readonly WorkingDayRules Rules = WorkingDayRules.Default;

    [Fact]
    public void Given_an_answer_due_8_January_2026_When_extended_by_7_working_days_Then_it_is_due_20_January_past_Isra_Mikraj()
    {
        var extension = Calendar.ComputeDeadlineFromDay(new DateOnly(2026, 1, 8), 7, Rules);

        Assert.Null(extension.ReceivedAtLocal);
        Assert.False(extension.ReceiptMovedToNextWorkingDay);
        Assert.Equal(new DateOnly(2026, 1, 8), extension.DayZero);
        Assert.Equal(new DateOnly(2026, 1, 20), extension.DueDate);
        Assert.Contains(extension.SkippedDays, day => day.Date == new DateOnly(2026, 1, 16) && day.NameId == "Isra Mikraj Nabi Muhammad SAW");
    }

    [Fact]
    public void Given_no_decree_for_2027_When_a_December_2026_request_runs_into_2027_Then_the_deadline_is_provisional_and_skips_New_Year()
    {
        var receivedAt = new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.FromHours(7));

        var deadline = Calendar.ComputeDeadline(receivedAt, IndonesianTimeZone.Wib, 10, Rules);

        Assert.True(deadline.Provisional);
        Assert.Equal([2027], deadline.YearsNotCovered);
        // Weekends and 1 January, a holiday every year by Keppres, are skipped until 2027's decree is added.
        Assert.Equal(new DateOnly(2027, 1, 7), deadline.DueDate);
        Assert.Contains(deadline.SkippedDays, day => day.Date == new DateOnly(2026, 12, 24) && day.Reason == SkipReason.CutiBersama);
        Assert.Contains(deadline.SkippedDays, day => day.Date == new DateOnly(2027, 1, 1) && day.Reason == SkipReason.NationalHoliday);
    }

    [Fact]
    public void Given_a_request_inside_a_covered_year_When_counting_Then_the_deadline_is_not_provisional()
    {
        var deadline = Calendar.ComputeDeadlineFromDay(new DateOnly(2026, 11, 23), 10, Rules);

        Assert.False(deadline.Provisional);
        Assert.Empty(deadline.YearsNotCovered);
    }

    [Fact]
    public void Given_2027_holidays_added_by_an_administrator_When_recounting_Then_the_deadline_is_final_and_later()
    {
        var newYear2027 = new NonWorkingDay(new DateOnly(2027, 1, 1), NonWorkingDayKind.NationalHoliday,
            "Tahun Baru 2027 Masehi", "New Year's Day", "SKB 2027");
        var updated = Calendar.WithNonWorkingDay(newYear2027);

        var deadline = updated.ComputeDeadlineFromDay(new DateOnly(2026, 12, 21), 10, Rules);

        Assert.False(deadline.Provisional);
        Assert.Equal(new DateOnly(2027, 1, 7), deadline.DueDate);
        Assert.Contains(2027, updated.YearsCovered);
        Assert.DoesNotContain(2027, Calendar.YearsCovered);
    }

    [Fact]
    public void Given_an_administrator_removes_a_cuti_bersama_When_recounting_Then_the_day_counts_and_the_old_calendar_is_unchanged()
    {
        var updated = Calendar.WithoutNonWorkingDay(new DateOnly(2025, 12, 26));

        Assert.True(updated.IsWorkingDay(new DateOnly(2025, 12, 26), Rules));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 12, 26), Rules));
        Assert.Equal(Calendar.NonWorkingDays.Count - 1, updated.NonWorkingDays.Count);
    }

    [Fact]
    public void Given_a_day_added_on_a_date_already_listed_When_building_the_new_calendar_Then_it_replaces_the_old_entry()
    {
        var corrected = new NonWorkingDay(new DateOnly(2025, 12, 26), NonWorkingDayKind.NationalHoliday, "Libur", "Holiday", "Keppres");

        var updated = Calendar.WithNonWorkingDay(corrected);

        Assert.Equal(corrected, updated.NonWorkingDayOn(new DateOnly(2025, 12, 26)));
        Assert.Equal(Calendar.NonWorkingDays.Count, updated.NonWorkingDays.Count);
    }

    [Fact]
    public void Given_two_entries_for_one_date_When_constructing_a_calendar_Then_it_is_refused()
    {
        var day = new NonWorkingDay(new DateOnly(2025, 1, 1), NonWorkingDayKind.NationalHoliday, "a", "a", "s");

        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([day, day with { NameId = "b" }]));
    }
}
