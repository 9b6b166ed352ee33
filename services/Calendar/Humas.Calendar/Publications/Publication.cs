using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Humas.ReferenceData;

namespace Humas.Calendar.Publications;

/// <summary>What a planned item is: the content kinds humas offices plan.</summary>
public enum ContentKind { PressRelease, Clarification, DipInformation, SocialMediaPost, EventCoverage, Other }

/// <summary>Where it goes out.</summary>
public enum Channel { Website, Instagram, X, Facebook, Youtube, Tiktok, Press }

/// <summary>Planned → in progress → published | missed | cancelled. A missed item can still be published (late) or rescheduled.</summary>
public enum PublicationStatus { Planned, InProgress, Published, Missed, Cancelled }

/// <summary>Public items appear on the unit's public agenda and feed; internal ones only for its officers.</summary>
public enum Visibility { Public, Internal }

public sealed record StageRef([property: MaxLength(60)] string ElectionId, [property: MaxLength(60)] string StageId);

/// <summary>The fields an officer edits in place. <see cref="ContentRef"/> names the content in the service that publishes it (e.g. <c>ppid-information:{entryId}</c>).</summary>
public sealed record PublicationContent(
    string Title, ContentKind Kind, IReadOnlyList<Channel> Channels, string Owner, StageRef? Stage, string? Notes, Visibility Visibility, string? ContentRef)
{
    // Records compare lists by reference; an edit that changes nothing must compare equal.
    public bool Equals(PublicationContent? other) =>
        other is not null && Title == other.Title && Kind == other.Kind && Channels.SequenceEqual(other.Channels) && Owner == other.Owner
        && Stage == other.Stage && Notes == other.Notes && Visibility == other.Visibility && ContentRef == other.ContentRef;

    public override int GetHashCode() => HashCode.Combine(Title, Kind, Owner, Visibility);
}

public sealed record PublicationPlanned(Guid PublicationId, string UnitId, PublicationContent Content, DateTimeOffset? PlannedAt, Guid? SeriesId = null,
    DateOnly? OccurrenceDate = null);

public sealed record PublicationEdited(PublicationContent Content);

/// <summary>Moved to another time (or into the unscheduled pool, To = null); a missed item rescheduled is planned again.</summary>
public sealed record PublicationRescheduled(DateTimeOffset? From, DateTimeOffset? To, string? Reason, bool WasMissed);

public sealed record PublicationStarted(DateTimeOffset At);

/// <summary>It went out. Late when after its planned day (in the unit's zone). Source: <c>calendar</c> (an officer said so) or the publishing service's event.</summary>
public sealed record PublicationPublished(DateTimeOffset At, string? Url, bool Late, string Source);

/// <summary>Its planned day ended unpublished: marked by the service itself (BySystem) or by an officer.</summary>
public sealed record PublicationMissed(DateTimeOffset At, bool BySystem);

/// <summary>Called off; a skipped occurrence of a recurring item is cancelled with Skipped.</summary>
public sealed record PublicationCancelled(DateTimeOffset At, string? Reason, bool Skipped);

/// <summary>Something was published that no planned item covered: the calendar records it as it learned it.</summary>
public sealed record UnplannedPublicationRecorded(Guid PublicationId, string UnitId, PublicationContent Content, DateTimeOffset PublishedAt, string? Url, string Source);

/// <summary>One planned (or unplanned) publication of a unit, folded from its events.</summary>
public sealed record Publication(
    Guid Id, string UnitId, PublicationContent Content, DateTimeOffset? PlannedAt, PublicationStatus Status, DateTimeOffset? PublishedAt, string? Url,
    bool Late, bool Unplanned, Guid? SeriesId, DateOnly? OccurrenceDate)
{
    public const string StreamType = "publication";

    public static Publication Initial { get; } = new(Guid.Empty, "", new PublicationContent("", ContentKind.Other, [], "", null, null, Visibility.Internal, null),
        null, PublicationStatus.Planned, null, null, false, false, null, null);

    public static string StreamId(Guid id) => $"publication-{id}";

    [JsonIgnore]
    public bool IsOpen => Status is PublicationStatus.Planned or PublicationStatus.InProgress;

    /// <summary>Published after the end of its planned day in the unit's zone (an unscheduled item is never late).</summary>
    public static bool IsLate(DateTimeOffset? plannedAt, DateTimeOffset publishedAt, IndonesianTimeZone zone) =>
        plannedAt is { } planned && LocalDate(publishedAt, zone) > LocalDate(planned, zone);

    public static DateOnly LocalDate(DateTimeOffset moment, IndonesianTimeZone zone) => DateOnly.FromDateTime(zone.ToLocal(moment).DateTime);

    public static Publication Evolve(Publication state, object @event) => @event switch
    {
        PublicationPlanned e => Initial with
        {
            Id = e.PublicationId, UnitId = e.UnitId, Content = e.Content, PlannedAt = e.PlannedAt, SeriesId = e.SeriesId, OccurrenceDate = e.OccurrenceDate,
        },
        UnplannedPublicationRecorded e => Initial with
        {
            Id = e.PublicationId, UnitId = e.UnitId, Content = e.Content, Status = PublicationStatus.Published, PublishedAt = e.PublishedAt, Url = e.Url,
            Unplanned = true,
        },
        PublicationEdited e => state with { Content = e.Content },
        PublicationRescheduled e => state with { PlannedAt = e.To, Status = e.WasMissed ? PublicationStatus.Planned : state.Status },
        PublicationStarted => state with { Status = PublicationStatus.InProgress },
        PublicationPublished e => state with { Status = PublicationStatus.Published, PublishedAt = e.At, Url = e.Url ?? state.Url, Late = e.Late },
        PublicationMissed => state with { Status = PublicationStatus.Missed },
        PublicationCancelled => state with { Status = PublicationStatus.Cancelled },
        _ => state,
    };
}
