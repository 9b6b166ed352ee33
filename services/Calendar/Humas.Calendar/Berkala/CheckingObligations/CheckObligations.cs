using Dapper;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Calendar.Berkala.CheckingObligations;

/// <summary>
/// An obligation comes due once its due date is within the notice period, and becomes overdue
/// once its due date has ended in the unit's zone without the information published again.
/// Each is said once per due date (PeriodicPublicationDue, PeriodicPublicationOverdue).
/// </summary>
public static class CheckObligations
{
    public static IReadOnlyList<object> Decide(BerkalaObligation state, DateTimeOffset now, IndonesianTimeZone zone, int dueNoticeDays)
    {
        var today = DateOnly.FromDateTime(zone.ToLocal(now).DateTime);
        if (!state.Overdue && today > state.DueDate)
            return [new BerkalaObligationBecameOverdue(state.UnitId, state.Title, state.Category, state.DueDate, now)];
        if (!state.DueNoticed && !state.Overdue && today >= state.DueDate.AddDays(-dueNoticeDays))
            return [new BerkalaObligationCameDue(state.UnitId, state.Title, state.Category, state.DueDate, now)];
        return [];
    }

    public static async Task<(int Due, int Overdue)> SweepAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var rules = services.GetRequiredService<BerkalaRules>();
        var horizon = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime).AddDays(rules.DueNoticeDays);
        await using var connection = await db.OpenConnectionAsync(ct);
        var candidates = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT obligation_id FROM berkala_obligations WHERE NOT overdue AND due_date <= @horizon ORDER BY due_date LIMIT 5000",
            new { horizon }, cancellationToken: ct))).AsList();
        int due = 0, overdue = 0;
        foreach (var id in candidates)
        {
            var outcome = await store.DecideAsync(BerkalaObligation.StreamId(id), BerkalaObligation.StreamType, BerkalaObligation.Initial, BerkalaObligation.Evolve,
                s => Decide(s, now, units.Find(s.UnitId)?.TimeZone ?? IndonesianTimeZone.Wib, rules.DueNoticeDays), new EventMetadata(Actor: "berkala-checker"), ct);
            if (outcome is (_, [BerkalaObligationCameDue])) due++;
            if (outcome is (_, [BerkalaObligationBecameOverdue])) overdue++;
        }
        return (due, overdue);
    }
}
