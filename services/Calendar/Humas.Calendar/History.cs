using Humas.Eventing.Store;
using Humas.ReferenceData;

namespace Humas.Calendar;

/// <summary>One change in a stream's history: what happened (the event's stable name), when (in the unit's zone), by whom, and its data.</summary>
public sealed record HistoryEntry(long Version, string Event, DateTimeOffset At, string? Actor, object Data);

public static class History
{
    /// <summary>The stream's events in order; the actor only for callers who may see who did what.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(EventStore store, string streamId, IndonesianTimeZone zone, bool withActor, CancellationToken ct) =>
        (await store.ReadStreamAsync(streamId, ct))
            .Select(e => new HistoryEntry(e.Version, e.TypeName, zone.ToLocal(e.Created), withActor ? e.Metadata.Actor : null, e.Data))
            .ToList();
}
