using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Deadlines.ChangingCalendar;
using Humas.ReferenceData;
using Npgsql;

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

    public static async Task<IReadOnlyList<ChangeNonWorkingDays.Recomputed>> ForObjectionsAsync(IServiceProvider services, string cause, CancellationToken ct)
    {
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var calendar = services.GetRequiredService<PpidCalendar>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (current, _) = await calendar.CurrentAsync(ct);
        var changed = new List<ChangeNonWorkingDays.Recomputed>();
        foreach (var row in await ObjectionLookup.UndecidedAsync(services.GetRequiredService<NpgsqlDataSource>(), ct))
        {
            var outcome = await store.DecideAsync(Objection.StreamId(row.ObjectionId), Objection.StreamType, Objection.Initial, Objection.Evolve,
                state => Decide(state, current, calendar.Rules.WorkingDays, units.Find(state.UnitId)!.TimeZone, cause, now), new EventMetadata(Actor: "calendar-change"), ct);
            if (outcome is ({ } state, [ObjectionDueDateRecomputed recomputed]))
                changed.Add(new(state.Number, recomputed.PreviousDueDate, recomputed.DueDate));
        }
        return changed;
    }
}
