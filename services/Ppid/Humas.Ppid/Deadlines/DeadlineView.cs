using System.Globalization;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;

namespace Humas.Ppid.Deadlines;

public sealed record LocalizedText(string Id, string En);

public sealed record SkippedDayView(DateOnly Date, SkipReason Reason, string? NameId, string? NameEn);

/// <summary>A due date with the arithmetic behind it, in words a requester can check.</summary>
public sealed record DeadlineView(
    DateTimeOffset? ReceivedAtLocal,
    string TimeZone,
    DateOnly DayZero,
    int WorkingDays,
    DateOnly DueDate,
    bool Provisional,
    IReadOnlyList<SkippedDayView> SkippedDays,
    LocalizedText Explanation)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DeadlineView From(DeadlineCalculation calculation, IndonesianTimeZone zone)
    {
        var skipped = calculation.SkippedDays.Select(d => new SkippedDayView(d.Date, d.Reason, d.NameId, d.NameEn)).ToList();
        return new DeadlineView(calculation.ReceivedAtLocal, zone.Abbreviation, calculation.DayZero, calculation.WorkingDays,
            calculation.DueDate, calculation.Provisional, skipped, Explain(calculation, zone));
    }

    /// <summary>Both languages side by side, as the API promises; the sentences come from the resource files.</summary>
    private static LocalizedText Explain(DeadlineCalculation c, IndonesianTimeZone zone) =>
        new(Sentences(c, zone, Indonesian, TextCatalog.Indonesian), Sentences(c, zone, English, TextCatalog.English));

    private static string Sentences(DeadlineCalculation c, IndonesianTimeZone zone, CultureInfo dates, CultureInfo language)
    {
        string T(string key, params object?[] arguments) => PpidTexts.Catalog.Get(key, language, arguments);
        var sentences = new List<string>();
        if (c.ReceivedAtLocal is { } received)
            sentences.Add(T("deadline.received", received.ToString(T("deadline.format.moment"), dates), zone.Abbreviation));
        if (c.ReceiptMove is { } move)
            sentences.Add(T("deadline.moved", MoveReason(move, language, T), Day(c.DayZero, dates, T)));
        sentences.Add(T("deadline.due", Ordinal(c.WorkingDays, language), Day(c.DayZero, dates, T), Day(c.DueDate, dates, T)));
        var holidays = c.SkippedDays.Where(d => d.Reason != SkipReason.Weekend).ToList();
        var weekends = c.SkippedDays.Count - holidays.Count;
        if (weekends > 0) sentences.Add(T("deadline.weekends", weekends));
        if (holidays.Count > 0)
            sentences.Add(T("deadline.holidays", string.Join("; ", holidays.Select(d =>
                $"{Day(d.Date, dates, T)} ({(language.Name == "en" ? d.NameEn : d.NameId)}{(d.Reason == SkipReason.CutiBersama ? T("deadline.collective-leave") : "")})"))));
        if (c.Provisional) sentences.Add(T("deadline.provisional", string.Join(", ", c.YearsNotCovered)));
        return string.Join(" ", sentences);
    }

    /// <summary>The n-th in words a reader expects: "ke-10" is in the Indonesian sentence itself; English says 1st, 2nd, 3rd, 11th, 21st.</summary>
    public static string Ordinal(int n, CultureInfo language)
    {
        if (language.Name != "en") return n.ToString(CultureInfo.InvariantCulture);
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private delegate string Text(string key, params object?[] arguments);

    private static string Day(DateOnly date, CultureInfo dates, Text t) => date.ToString(t("deadline.format.day"), dates);

    private static string MoveReason(ReceiptMove move, CultureInfo language, Text t) => move.Reason switch
    {
        ReceiptMoveReason.AfterOfficeHours => t("deadline.moved.after-hours"),
        ReceiptMoveReason.Weekend => t("deadline.moved.weekend"),
        _ => t("deadline.moved.holiday", language.Name == "en" ? move.NameEn : move.NameId),
    };
}
