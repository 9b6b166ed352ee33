using Humas.ReferenceData;

namespace Humas.Calendar.Publications.Completing;

/// <summary>
/// Another service published something (Ppid's InformationPublished, a clarification, a press
/// release). The planned item it fulfils is marked published
/// (late when after its planned day); with no planned item, the calendar records an unplanned
/// publication. The calendar plans and tracks; it never publishes.
/// </summary>
public static class CompleteFromPublication
{
    /// <summary>What the calendar needs of a publication event, whichever service sent it.</summary>
    public sealed record Published(string Source, string ContentRef, string UnitId, string Title, ContentKind Kind, DateTimeOffset PublishedAt, string? Url);

    /// <summary>Marks the planned item; nothing when it is already published or cancelled (a repeated or late message).</summary>
    public static IReadOnlyList<object> Decide(Publication p, Published published, IndonesianTimeZone zone) =>
        p.Status is PublicationStatus.Published or PublicationStatus.Cancelled
            ? []
            : [new PublicationPublished(published.PublishedAt, published.Url, Publication.IsLate(p.PlannedAt, published.PublishedAt, zone), published.Source)];

    /// <summary>The same message always yields the same stream, so a repeat finds it there.</summary>
    public static UnplannedPublicationRecorded Unplanned(Published published) => new(
        DeterministicId.From($"unplanned:{published.ContentRef}:{published.PublishedAt.UtcTicks}"), published.UnitId,
        new PublicationContent(published.Title, published.Kind, [Channel.Website], published.Source, null, null, Visibility.Public, published.ContentRef),
        published.PublishedAt, published.Url, published.Source);
}
