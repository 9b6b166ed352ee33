using Humas.Eventing.Store;
using Humas.ReferenceData;

namespace Humas.Ppid.Deadlines;

/// <summary>An administrator declared a day non-working (a holiday decreed late, a regional cuti bersama).</summary>
public sealed record NonWorkingDayAdded(DateOnly Date, NonWorkingDayKind Kind, string NameId, string NameEn, string Source, string By, DateTimeOffset At);

/// <summary>An administrator removed a non-working day (a holiday moved by a later decree).</summary>
public sealed record NonWorkingDayRemoved(DateOnly Date, string Reason, string By, DateTimeOffset At);

/// <summary>
/// The working-day calendar deadlines are counted with: the shipped data file plus every change
/// an administrator made, kept as events in one stream. Replicas see a change at their next
/// deadline computation: the stream's version is checked each time, the calendar rebuilt only
/// when it moved.
/// </summary>
public sealed class PpidCalendar(EventStore store, PpidRules rules)
{
    public const string StreamId = "working-day-calendar";
    public const string StreamType = "working-day-calendar";

    private readonly WorkingDayCalendar shipped = WorkingDayCalendar.LoadDefault();
    private (long Version, WorkingDayCalendar Calendar) cached = (0, WorkingDayCalendar.LoadDefault());

    public PpidRules Rules { get; } = rules;

    public async Task<(WorkingDayCalendar Calendar, long Version)> CurrentAsync(CancellationToken ct)
    {
        var events = await store.ReadStreamAsync(StreamId, ct);
        var version = events.Count == 0 ? 0 : events[^1].Version;
        var current = cached;
        if (current.Version == version) return (current.Calendar, version);
        var calendar = events.Aggregate(shipped, (c, e) => e.Data switch
        {
            NonWorkingDayAdded added => c.WithNonWorkingDay(new NonWorkingDay(added.Date, added.Kind, added.NameId, added.NameEn, added.Source)),
            NonWorkingDayRemoved removed => c.WithoutNonWorkingDay(removed.Date),
            _ => c,
        });
        cached = (version, calendar);
        return (calendar, version);
    }

    public async Task<DeadlineCalculation> AnswerDeadlineAsync(DateTimeOffset receivedAt, IndonesianTimeZone zone, CancellationToken ct)
    {
        var (calendar, _) = await CurrentAsync(ct);
        return calendar.ComputeDeadline(receivedAt, zone, LegalPeriods.Answer, Rules.WorkingDays);
    }
}
