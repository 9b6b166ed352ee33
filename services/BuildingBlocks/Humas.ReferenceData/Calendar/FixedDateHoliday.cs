using System.Text.Json;

namespace Humas.ReferenceData;

/// <summary>
/// A national holiday on the same date every year, set by Keppres rather than by the yearly
/// decree (Data/fixed-date-holidays.json): a holiday in every year from <see cref="Since"/> on,
/// whether or not that year's decree is loaded.
/// </summary>
public sealed record FixedDateHoliday(int Month, int Day, string NameId, string NameEn, int? Since, string Source)
{
    public bool FallsOn(DateOnly date) => date.Month == Month && date.Day == Day && (Since is null || date.Year >= Since);

    public NonWorkingDay On(int year) => new(new DateOnly(year, Month, Day), NonWorkingDayKind.NationalHoliday, NameId, NameEn, Source);

    public static IReadOnlyList<FixedDateHoliday> LoadEmbedded() => Parse(EmbeddedData.ReadText("fixed-date-holidays.json"));

    public static IReadOnlyList<FixedDateHoliday> Parse(string json)
    {
        var file = JsonSerializer.Deserialize<HolidayFile>(json, JsonSerializerOptions.Web)
            ?? throw new FormatException("fixed-date-holidays.json is empty.");
        foreach (var holiday in file.Holidays)
        {
            // 2024 is a leap year: any real month and day is a date in it.
            if (holiday.Month is < 1 or > 12 || holiday.Day < 1 || holiday.Day > DateTime.DaysInMonth(2024, holiday.Month))
                throw new FormatException($"{holiday.Month}-{holiday.Day} ({holiday.NameId}) is not a date.");
            if (string.IsNullOrWhiteSpace(holiday.NameId) || string.IsNullOrWhiteSpace(holiday.NameEn) || string.IsNullOrWhiteSpace(holiday.Source))
                throw new FormatException($"{holiday.Month}-{holiday.Day} needs nameId, nameEn and source.");
        }
        return file.Holidays;
    }

    private sealed record HolidayFile(IReadOnlyList<FixedDateHoliday> Holidays);
}
