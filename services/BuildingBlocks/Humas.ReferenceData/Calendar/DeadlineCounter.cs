namespace Humas.ReferenceData;

/// <summary>How the count runs: day 0 is the day of receipt, the due date is the N-th working day after it.</summary>
internal static class DeadlineCounter
{
    public static DeadlineCalculation FromReceipt(
        WorkingDayCalendar calendar, DateTimeOffset receivedAt, IndonesianTimeZone zone, int workingDays, WorkingDayRules rules)
    {
        rules.EnsureValid();
        var receivedAtLocal = zone.ToLocal(receivedAt);
        var receiptDate = DateOnly.FromDateTime(receivedAtLocal.DateTime);
        var receiptTime = TimeOnly.FromDateTime(receivedAtLocal.DateTime);

        var move = ReceiptMoveFor(calendar, receiptDate, receiptTime, rules);
        // A receipt before opening on a working day counts from that day's opening: still day 0.
        var dayZero = move is null ? receiptDate : calendar.NextWorkingDayAfter(receiptDate, rules);

        return Count(calendar, dayZero, workingDays, rules, firstDayOfRange: receiptDate) with
        {
            ReceivedAtLocal = receivedAtLocal,
            ReceiptMove = move,
        };
    }

    public static DeadlineCalculation FromDayZero(WorkingDayCalendar calendar, DateOnly dayZero, int workingDays, WorkingDayRules rules)
    {
        rules.EnsureValid();
        return Count(calendar, dayZero, workingDays, rules, firstDayOfRange: dayZero);
    }

    private static ReceiptMove? ReceiptMoveFor(WorkingDayCalendar calendar, DateOnly date, TimeOnly time, WorkingDayRules rules)
    {
        var listed = calendar.NonWorkingDayOn(date);
        return calendar.ReasonNotWorking(date, rules) switch
        {
            SkipReason.NationalHoliday => new ReceiptMove(ReceiptMoveReason.NationalHoliday, listed?.NameId, listed?.NameEn),
            SkipReason.CutiBersama => new ReceiptMove(ReceiptMoveReason.CutiBersama, listed?.NameId, listed?.NameEn),
            SkipReason.Weekend => new ReceiptMove(ReceiptMoveReason.Weekend, null, null),
            _ when time >= rules.OfficeCloses => new ReceiptMove(ReceiptMoveReason.AfterOfficeHours, null, null),
            _ => null,
        };
    }

    private static DeadlineCalculation Count(
        WorkingDayCalendar calendar, DateOnly dayZero, int workingDays, WorkingDayRules rules, DateOnly firstDayOfRange)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var skipped = new List<SkippedDay>();
        var due = dayZero;
        for (var counted = 0; counted < workingDays;)
        {
            due = due.AddDays(1);
            if (calendar.ReasonNotWorking(due, rules) is { } reason)
            {
                var listed = calendar.NonWorkingDayOn(due);
                skipped.Add(reason == SkipReason.Weekend
                    ? new SkippedDay(due, reason, null, null)
                    : new SkippedDay(due, reason, listed?.NameId, listed?.NameEn));
                continue;
            }
            counted++;
        }

        var yearsNotCovered = Enumerable.Range(firstDayOfRange.Year, due.Year - firstDayOfRange.Year + 1)
            .Where(year => !calendar.YearsCovered.Contains(year))
            .ToList();

        return new DeadlineCalculation(null, dayZero, null, due, workingDays, skipped, yearsNotCovered);
    }
}
