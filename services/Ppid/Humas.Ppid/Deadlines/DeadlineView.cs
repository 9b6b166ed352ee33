using System.Globalization;
using Humas.ReferenceData;

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

    private static LocalizedText Explain(DeadlineCalculation c, IndonesianTimeZone zone)
    {
        var id = new List<string>();
        var en = new List<string>();
        if (c.ReceivedAtLocal is { } received)
        {
            id.Add($"Diterima {received.ToString("dddd, d MMMM yyyy HH:mm", Indonesian)} {zone.Abbreviation}.");
            en.Add($"Received {received.ToString("dddd d MMMM yyyy HH:mm", English)} {zone.Abbreviation}.");
        }
        if (c.ReceiptMove is { } move)
        {
            id.Add($"Karena {MoveReasonId(move)}, dihitung diterima pada hari kerja berikutnya, {Day(c.DayZero, Indonesian)}.");
            en.Add($"Because {MoveReasonEn(move)}, it counts as received on the next working day, {Day(c.DayZero, English)}.");
        }
        id.Add($"Batas waktu adalah hari kerja ke-{c.WorkingDays} setelah {Day(c.DayZero, Indonesian)}: {Day(c.DueDate, Indonesian)}.");
        en.Add($"The deadline is the {c.WorkingDays}th working day after {Day(c.DayZero, English)}: {Day(c.DueDate, English)}.");
        var holidays = c.SkippedDays.Where(d => d.Reason != SkipReason.Weekend).ToList();
        var weekends = c.SkippedDays.Count - holidays.Count;
        if (weekends > 0)
        {
            id.Add($"{weekends} hari Sabtu/Minggu tidak dihitung.");
            en.Add($"{weekends} Saturday/Sunday days are not counted.");
        }
        if (holidays.Count > 0)
        {
            id.Add("Hari libur yang tidak dihitung: " + string.Join("; ", holidays.Select(d => $"{Day(d.Date, Indonesian)} ({d.NameId}{(d.Reason == SkipReason.CutiBersama ? ", cuti bersama" : "")})")) + ".");
            en.Add("Holidays not counted: " + string.Join("; ", holidays.Select(d => $"{Day(d.Date, English)} ({d.NameEn}{(d.Reason == SkipReason.CutiBersama ? ", collective leave" : "")})")) + ".");
        }
        if (c.Provisional)
        {
            var years = string.Join(", ", c.YearsNotCovered);
            id.Add($"Sementara: hari libur tahun {years} belum dimuat; tanggal dapat bergeser setelah dimuat.");
            en.Add($"Provisional: the holidays of {years} are not loaded yet; the date may move once they are.");
        }
        return new LocalizedText(string.Join(" ", id), string.Join(" ", en));
    }

    private static string Day(DateOnly date, CultureInfo culture) => date.ToString(culture.Name == "id-ID" ? "dddd, d MMMM yyyy" : "dddd d MMMM yyyy", culture);

    private static string MoveReasonId(ReceiptMove move) => move.Reason switch
    {
        ReceiptMoveReason.AfterOfficeHours => "diterima di luar jam layanan",
        ReceiptMoveReason.Weekend => "diterima pada hari Sabtu/Minggu",
        _ => $"diterima pada hari libur ({move.NameId})",
    };

    private static string MoveReasonEn(ReceiptMove move) => move.Reason switch
    {
        ReceiptMoveReason.AfterOfficeHours => "it arrived outside office hours",
        ReceiptMoveReason.Weekend => "it arrived on a weekend",
        _ => $"it arrived on a holiday ({move.NameEn})",
    };
}
