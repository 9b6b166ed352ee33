using Humas.ReferenceData;

namespace Humas.Ppid.Deadlines;

/// <summary>The legal periods of UU 14/2008, in working days. Data, with its source, so a change in the law is a change here only.</summary>
public static class LegalPeriods
{
    /// <summary>Pasal 22(7).</summary>
    public const int Answer = 10;
}

/// <summary>The working-day calendar and rules this Ppid instance counts deadlines with.</summary>
public sealed class PpidCalendar(WorkingDayCalendar calendar, WorkingDayRules rules)
{
    public WorkingDayCalendar Calendar { get; } = calendar;
    public WorkingDayRules Rules { get; } = rules;

    public DeadlineCalculation AnswerDeadline(DateTimeOffset receivedAt, IndonesianTimeZone zone) =>
        Calendar.ComputeDeadline(receivedAt, zone, LegalPeriods.Answer, Rules);
}
