using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Deadlines.ChangingCalendar;
using Humas.ReferenceData;
using Npgsql;

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

    public static async Task<IReadOnlyList<ChangeNonWorkingDays.Recomputed>> ForRequestsAsync(IServiceProvider services, string cause, CancellationToken ct)
    {
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var calendar = services.GetRequiredService<PpidCalendar>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (current, _) = await calendar.CurrentAsync(ct);
        var changed = new List<ChangeNonWorkingDays.Recomputed>();
        foreach (var row in await RequestLookup.OpenAsync(services.GetRequiredService<NpgsqlDataSource>(), ct))
        {
            var outcome = await store.DecideAsync(InformationRequest.StreamId(row.RequestId), InformationRequest.StreamType, InformationRequest.Initial, InformationRequest.Evolve,
                state => Decide(state, current, calendar.Rules.WorkingDays, units.Find(state.UnitId)!.TimeZone, cause, now), new EventMetadata(Actor: "calendar-change"), ct);
            if (outcome is ({ } state, [DueDateRecomputed recomputed]))
                changed.Add(new(state.RegistrationNumber, recomputed.PreviousDueDate, recomputed.DueDate));
        }
        return changed;
    }
}
