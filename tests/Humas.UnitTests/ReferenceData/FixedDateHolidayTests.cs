using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

/// <summary>The national holidays with a fixed date are known for every year, so a count into a year whose decree is not loaded skips them.</summary>
public class FixedDateHolidayTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();
    private static readonly WorkingDayRules Rules = WorkingDayRules.Default;

    [Fact]
    public void Given_a_request_received_on_23_December_2026_When_counting_10_working_days_Then_it_is_due_11_January_2027_not_8_January()
    {
        var deadline = Calendar.ComputeDeadline(new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.FromHours(7)), IndonesianTimeZone.Wib, 10, Rules);

        Assert.Equal(new DateOnly(2027, 1, 11), deadline.DueDate);
        Assert.True(deadline.Provisional);
        Assert.Equal([2027], deadline.YearsNotCovered);
        var newYear = Assert.Single(deadline.SkippedDays, day => day.Date == new DateOnly(2027, 1, 1));
        Assert.Equal((SkipReason.NationalHoliday, "Tahun Baru Masehi", "New Year's Day"), (newYear.Reason, newYear.NameId, newYear.NameEn));
    }

    // The five dates and the decrees that fix them, kept here independently of the data file they check.
    [Theory]
    [InlineData(1, 1, "Keppres Nomor 8 Tahun 2024")]
    [InlineData(5, 1, "Keppres Nomor 24 Tahun 2013")]
    [InlineData(6, 1, "Keppres Nomor 24 Tahun 2016")]
    [InlineData(8, 17, "Keppres Nomor 8 Tahun 2024")]
    [InlineData(12, 25, "Keppres Nomor 8 Tahun 2024")]
    public void Given_a_fixed_date_holiday_When_looking_at_any_year_without_a_decree_Then_it_is_a_national_holiday_naming_its_decree(int month, int day, string decree)
    {
        for (var year = 2027; year <= 2100; year++)
        {
            var date = new DateOnly(year, month, day);
            Assert.False(Calendar.IsWorkingDay(date, Rules), $"{date} counts as a working day");
            var holiday = Calendar.NonWorkingDayOn(date)!;
            Assert.Equal(NonWorkingDayKind.NationalHoliday, holiday.Kind);
            Assert.Contains(decree, holiday.Source);
            Assert.False(string.IsNullOrWhiteSpace(holiday.NameEn));
        }
        Assert.DoesNotContain(2027, Calendar.YearsCovered);
    }

    [Fact]
    public void Given_the_years_before_a_holiday_was_fixed_When_looking_them_up_Then_it_was_a_working_day()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2013, 5, 1), Rules)); // a Wednesday, before Keppres 24/2013 took effect
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2016, 6, 1), Rules)); // a Wednesday, before Keppres 24/2016 took effect
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2017, 6, 1), Rules));
    }

    [Fact]
    public void Given_a_year_whose_decree_is_missing_When_counting_with_fixed_dates_only_Then_no_due_date_is_later_than_with_the_decree()
    {
        // 2026 as if its decree were not loaded: what the count knows of 2027 today.
        var without2026 = new WorkingDayCalendar(Calendar.NonWorkingDays.Where(d => d.Date.Year != 2026), Calendar.FixedDateHolidays);
        for (var day = new DateOnly(2026, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            var provisional = without2026.ComputeDeadlineFromDay(day, 10, Rules);
            var final = Calendar.ComputeDeadlineFromDay(day, 10, Rules);
            Assert.True(provisional.DueDate <= final.DueDate, $"from {day}: provisional {provisional.DueDate} after final {final.DueDate}");
            Assert.True(provisional.Provisional);
            foreach (var holiday in Calendar.FixedDateHolidays.Select(h => h.On(2026)).Where(h => h.Date > day && h.Date <= provisional.DueDate))
                Assert.Contains(provisional.SkippedDays, s => s.Date == holiday.Date && s.Reason == SkipReason.NationalHoliday);
        }
    }

    [Fact]
    public void Given_a_listed_day_on_a_fixed_date_When_looking_it_up_Then_the_listed_name_and_decree_are_shown()
    {
        var newYear = Calendar.NonWorkingDayOn(new DateOnly(2026, 1, 1))!;

        Assert.Equal("Tahun Baru 2026 Masehi", newYear.NameId);
        Assert.Contains("SKB", newYear.Source);
    }

    [Fact]
    public void Given_a_fixed_date_holiday_whose_listed_day_is_removed_When_recounting_Then_it_stays_a_holiday()
    {
        var updated = Calendar.WithoutNonWorkingDay(new DateOnly(2026, 12, 25));

        Assert.False(updated.IsWorkingDay(new DateOnly(2026, 12, 25), Rules));
        Assert.NotNull(updated.FixedDateHolidayOn(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void Given_a_date_that_does_not_exist_When_parsing_the_fixed_dates_Then_loading_fails()
    {
        Assert.Throws<FormatException>(() => FixedDateHoliday.Parse(
            """{ "holidays": [ { "month": 2, "day": 30, "nameId": "x", "nameEn": "x", "source": "Keppres" } ] }"""));
    }
}
