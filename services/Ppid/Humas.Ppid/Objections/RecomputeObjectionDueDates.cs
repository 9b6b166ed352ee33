using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.ReferenceData;

namespace Humas.Ppid.Objections;

/// <summary>Counts each undecided objection's decision deadline again after a calendar change.</summary>
public static class RecomputeObjectionDueDates
{
    public static IReadOnlyList<object> Decide(Objection state, WorkingDayCalendar calendar, WorkingDayRules rules, IndonesianTimeZone zone, string cause, DateTimeOffset now)
    {
        if (state.Status != ObjectionStatus.Filed) return [];
        var due = calendar.ComputeDeadline(state.FiledAt, zone, LegalPeriods.ObjectionDecision, rules).DueDate;
        return due == state.DecisionDueDate ? [] : [new ObjectionDueDateRecomputed(state.DecisionDueDate, due, cause, now)];
    }

    /// <summary>
    /// Counts one undecided objection's decision deadline again with <paramref name="calendar"/>, in the
    /// time zone of <paramref name="unitId"/>, the unit its request is at now; answers whether it moved.
    /// </summary>
    public static async Task<bool> ForObjectionAsync(EventStore store, UnitDirectory units, WorkingDayCalendar calendar, WorkingDayRules rules,
        Guid objectionId, string unitId, string cause, DateTimeOffset now, CancellationToken ct)
    {
        var zone = units.ZoneOf(unitId);
        var outcome = await store.DecideAsync(Objection.StreamId(objectionId), Objection.StreamType, Objection.Initial, Objection.Evolve,
            state => Decide(state, calendar, rules, zone, cause, now), new EventMetadata(Actor: "calendar-change"), ct);
        return outcome is (_, [ObjectionDueDateRecomputed]);
    }
}
