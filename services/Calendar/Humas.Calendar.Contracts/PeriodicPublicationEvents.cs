namespace Humas.Calendar.Contracts;

/// <summary>
/// A periodic (berkala) publication obligation of a unit: information published on its list of
/// public information (DIP) must be published again within its period (six months for berkala,
/// UU 14/2008 Pasal 9). One obligation per DIP entry; its id is the entry's id. Messages can
/// arrive out of order: the highest <c>ObligationVersion</c> wins.
/// </summary>
public sealed record PeriodicPublicationScheduled
{
    public required Guid ObligationId { get; init; }
    public required string UnitId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required DateTimeOffset LastPublishedAt { get; init; }

    /// <summary>The date by which it must be published again, in the unit's own time zone.</summary>
    public required DateOnly DueDate { get; init; }

    public required long ObligationVersion { get; init; }
}

/// <summary>An obligation comes due: its due date is near (within the notice period) and it has not been published again.</summary>
public sealed record PeriodicPublicationDue
{
    public required Guid ObligationId { get; init; }
    public required string UnitId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateTimeOffset NoticedAt { get; init; }
    public required long ObligationVersion { get; init; }
}

/// <summary>An obligation's due date passed (the day ended in the unit's zone) without the information being published again.</summary>
public sealed record PeriodicPublicationOverdue
{
    public required Guid ObligationId { get; init; }
    public required string UnitId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
    public required long ObligationVersion { get; init; }
}
