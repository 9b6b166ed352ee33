using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.ReferenceData;

namespace Humas.Ppid.Requests;

/// <summary>Counts an open request's due date again with the current calendar: receipt, then any paused days, then the extension.</summary>
public static class RecomputeDueDates
{
    public static DateOnly DueDate(InformationRequest state, WorkingDayCalendar calendar, WorkingDayRules rules, IndonesianTimeZone zone)
    {
        var due = calendar.ComputeDeadline(state.ReceivedAt, zone, LegalPeriods.Answer, rules).DueDate;
        if (state.PausedWorkingDays > 0) due = calendar.ComputeDeadlineFromDay(due, state.PausedWorkingDays, rules).DueDate;
        if (state.ExtensionWorkingDays > 0) due = calendar.ComputeDeadlineFromDay(due, state.ExtensionWorkingDays, rules).DueDate;
        return due;
    }

    public static IReadOnlyList<object> Decide(InformationRequest state, WorkingDayCalendar calendar, WorkingDayRules rules, IndonesianTimeZone zone, string cause, DateTimeOffset now)
    {
        if (!state.IsOpen) return [];
        var due = DueDate(state, calendar, rules, zone);
        return due == state.DueDate ? [] : [new DueDateRecomputed(state.DueDate, due, cause, now)];
    }

    /// <summary>Counts one request's due date again with <paramref name="calendar"/>; answers whether it moved (and was recorded).</summary>
    public static async Task<bool> ForRequestAsync(EventStore store, UnitDirectory units, WorkingDayCalendar calendar, WorkingDayRules rules,
        Guid requestId, string cause, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = await store.DecideAsync(InformationRequest.StreamId(requestId), InformationRequest.StreamType, InformationRequest.Initial, InformationRequest.Evolve,
            state => Decide(state, calendar, rules, units.ZoneOf(state.UnitId), cause, now), new EventMetadata(Actor: "calendar-change"), ct);
        return outcome is (_, [DueDateRecomputed]);
    }
}
