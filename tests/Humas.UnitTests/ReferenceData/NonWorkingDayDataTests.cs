using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

public class NonWorkingDayDataTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();

    // The published SKB lists, kept here independently of the data file they check.
    public static TheoryData<int, string, string> PublishedDays => new()
    {
        { 2024, "01-01 02-08 02-10 02-14 03-11 03-29 03-31 04-10 04-11 05-01 05-09 05-23 06-01 06-17 07-07 08-17 09-16 11-27 12-25",
            "02-09 03-12 04-08 04-09 04-12 04-15 05-10 05-24 06-18 12-26" },
        { 2025, "01-01 01-27 01-29 03-29 03-31 04-01 04-18 04-20 05-01 05-12 05-29 06-01 06-06 06-27 08-17 09-05 12-25",
            "01-28 03-28 04-02 04-03 04-04 04-07 05-13 05-30 06-09 08-18 12-26" },
        { 2026, "01-01 01-16 02-17 03-19 03-21 03-22 04-03 04-05 05-01 05-14 05-27 05-31 06-01 06-16 08-17 08-25 12-25",
            "02-16 03-18 03-20 03-23 03-24 05-15 05-28 12-24" },
    };

    [Theory]
    [MemberData(nameof(PublishedDays))]
    public void Given_the_published_list_for_a_year_When_loading_the_default_calendar_Then_it_holds_exactly_those_days(
        int year, string holidays, string cutiBersama)
    {
        Assert.Equal(Dates(year, holidays), DaysOf(year, NonWorkingDayKind.NationalHoliday));
        Assert.Equal(Dates(year, cutiBersama), DaysOf(year, NonWorkingDayKind.CutiBersama));
    }

    [Fact]
    public void Given_the_default_calendar_When_counting_days_per_year_Then_the_counts_match_the_decrees()
    {
        Assert.Equal((19, 10), Count(2024));
        Assert.Equal((17, 11), Count(2025));
        Assert.Equal((17, 8), Count(2026));
        Assert.Equal([2024, 2025, 2026], Calendar.YearsCovered);
    }

    [Fact]
    public void Given_the_data_file_When_reading_it_raw_Then_no_date_appears_twice()
    {
        var days = NonWorkingDayFile.LoadEmbedded();

        Assert.Equal(days.Count, days.Select(day => day.Date).Distinct().Count());
    }

    [Fact]
    public void Given_every_listed_day_When_checking_its_text_Then_it_has_both_names_and_a_source()
    {
        Assert.All(Calendar.NonWorkingDays, day =>
        {
            Assert.False(string.IsNullOrWhiteSpace(day.NameId));
            Assert.False(string.IsNullOrWhiteSpace(day.NameEn));
            Assert.Matches("SKB|Keppres", day.Source);
        });
        Assert.All(Calendar.NonWorkingDays.Where(day => day.Kind == NonWorkingDayKind.CutiBersama),
            day => Assert.StartsWith("Cuti Bersama ", day.NameId));
    }

    [Fact]
    public void Given_the_election_days_of_2024_When_looking_them_up_Then_they_are_national_holidays_set_by_Keppres()
    {
        var pemilu = Calendar.NonWorkingDayOn(new DateOnly(2024, 2, 14));
        var pilkada = Calendar.NonWorkingDayOn(new DateOnly(2024, 11, 27));

        Assert.Equal("Pemungutan Suara Pemilu 2024", pemilu?.NameId);
        Assert.Equal("Keppres Nomor 10 Tahun 2024", pemilu?.Source);
        Assert.Equal("Pemungutan Suara Pilkada Serentak 2024", pilkada?.NameId);
        Assert.Equal("Keppres Nomor 33 Tahun 2024", pilkada?.Source);
    }

    [Fact]
    public void Given_a_day_listed_under_the_wrong_year_When_parsing_Then_loading_fails()
    {
        const string json = """
            { "years": [ { "year": 2027, "source": "SKB", "days": [
                { "date": "2026-01-01", "kind": "national-holiday", "nameId": "a", "nameEn": "a" } ] } ] }
            """;

        Assert.Throws<FormatException>(() => NonWorkingDayFile.Parse(json));
    }

    private static (int Holidays, int CutiBersama) Count(int year) =>
        (DaysOf(year, NonWorkingDayKind.NationalHoliday).Count, DaysOf(year, NonWorkingDayKind.CutiBersama).Count);

    private static List<DateOnly> DaysOf(int year, NonWorkingDayKind kind) =>
        Calendar.NonWorkingDays.Where(day => day.Date.Year == year && day.Kind == kind).Select(day => day.Date).ToList();

    private static List<DateOnly> Dates(int year, string monthDays) =>
        monthDays.Split(' ').Select(monthDay => DateOnly.ParseExact($"{year}-{monthDay}", "yyyy-MM-dd")).ToList();
}
