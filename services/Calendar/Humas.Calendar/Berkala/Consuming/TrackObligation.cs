using Humas.ReferenceData;

namespace Humas.Calendar.Berkala.Consuming;

/// <summary>
/// Ppid published a DIP entry: a category with a period (berkala) starts or renews its unit's
/// obligation, due that many months after the local publication date. The same publication
/// delivered twice, or an older one arriving after a newer, changes nothing.
/// </summary>
public static class TrackObligation
{
    public sealed record Published(Guid EntryId, string UnitId, string Title, string Category, DateTimeOffset PublishedAt);

    public static IReadOnlyList<object> Decide(BerkalaObligation? state, Published published, int periodMonths, IndonesianTimeZone zone)
    {
        var due = DateOnly.FromDateTime(zone.ToLocal(published.PublishedAt).DateTime).AddMonths(periodMonths);
        if (state is null)
            return [new BerkalaObligationStarted(published.EntryId, published.UnitId, published.Title, published.Category, published.PublishedAt, due)];
        if (published.PublishedAt <= state.LastPublishedAt) return [];
        var publishedOn = DateOnly.FromDateTime(zone.ToLocal(published.PublishedAt).DateTime);
        return [new BerkalaObligationRenewed(state.UnitId, published.Title, state.Category, published.PublishedAt, state.DueDate, due, MetLate: publishedOn > state.DueDate)];
    }
}
