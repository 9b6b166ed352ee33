namespace Humas.ReferenceData;

public enum SkipReason
{
    Weekend,
    NationalHoliday,
    CutiBersama,
}

public enum ReceiptMoveReason
{
    AfterOfficeHours,
    Weekend,
    NationalHoliday,
    CutiBersama,
}

/// <summary>A day between day 0 and the due date that the count did not include.</summary>
public sealed record SkippedDay(DateOnly Date, SkipReason Reason, string? NameId, string? NameEn);

/// <summary>Why a receipt counts as received on the next working day; names are set for holidays.</summary>
public sealed record ReceiptMove(ReceiptMoveReason Reason, string? NameId, string? NameEn);

/// <summary>
/// A due date with everything needed to show the requester how it was reached.
/// <see cref="ReceivedAtLocal"/> is null when counting from a known day (e.g. an extension).
/// <see cref="Provisional"/> is set when the count runs through years with no holiday data:
/// those years were counted with weekends only, and the date moves once their holidays are added.
/// </summary>
public sealed record DeadlineCalculation(
    DateTimeOffset? ReceivedAtLocal,
    DateOnly DayZero,
    ReceiptMove? ReceiptMove,
    DateOnly DueDate,
    int WorkingDays,
    IReadOnlyList<SkippedDay> SkippedDays,
    IReadOnlyList<int> YearsNotCovered)
{
    public bool ReceiptMovedToNextWorkingDay => ReceiptMove is not null;

    public bool Provisional => YearsNotCovered.Count > 0;

    /// <summary>The close of office on the due date, in the unit's offset: the request is overdue after this moment.</summary>
    public DateTimeOffset DueAtOfficeClose(IndonesianTimeZone zone, WorkingDayRules rules) =>
        new(DueDate.ToDateTime(rules.OfficeCloses), zone.UtcOffset);

    public bool IsOverdueAt(DateTimeOffset now, IndonesianTimeZone zone, WorkingDayRules rules) =>
        now > DueAtOfficeClose(zone, rules);
}
