using System.Text.Json;

namespace Humas.ReferenceData;

/// <summary>
/// Reads Data/non-working-days.json: per year, the decree that set the year's days and the
/// days themselves. A day may name its own decree when a later one added it.
/// </summary>
internal static class NonWorkingDayFile
{
    public static IReadOnlyList<NonWorkingDay> LoadEmbedded() => Parse(EmbeddedData.ReadText("non-working-days.json"));

    public static IReadOnlyList<NonWorkingDay> Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, JsonSerializerOptions.Web)
            ?? throw new FormatException("non-working-days.json is empty.");

        return file.Years
            .SelectMany(year => year.Days.Select(day => ToNonWorkingDay(year, day)))
            .ToList();
    }

    private static NonWorkingDay ToNonWorkingDay(YearEntry year, DayEntry day)
    {
        var date = DateOnly.ParseExact(day.Date, "yyyy-MM-dd");
        if (date.Year != year.Year)
            throw new FormatException($"{day.Date} is listed under the year {year.Year}.");
        return new NonWorkingDay(date, ParseKind(day.Kind), day.NameId, day.NameEn, day.Source ?? year.Source);
    }

    private static NonWorkingDayKind ParseKind(string kind) => kind switch
    {
        "national-holiday" => NonWorkingDayKind.NationalHoliday,
        "cuti-bersama" => NonWorkingDayKind.CutiBersama,
        _ => throw new FormatException($"Unknown non-working day kind '{kind}'; use national-holiday or cuti-bersama."),
    };

    private sealed record CalendarFile(IReadOnlyList<YearEntry> Years);

    private sealed record YearEntry(int Year, string Source, IReadOnlyList<DayEntry> Days);

    private sealed record DayEntry(string Date, string Kind, string NameId, string NameEn, string? Source);
}
