namespace Humas.Ppid.Contracts;

/// <summary>
/// A public-information request was registered at a unit's PPID desk. Carries no personal data:
/// consumers that need the requester ask Ppid, which decides who may see it.
/// </summary>
public sealed record InformationRequestRegistered
{
    public required Guid RequestId { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string UnitId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The legal answer deadline, a date in the unit's own time zone.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>True when the deadline runs into a year whose holidays are not loaded yet.</summary>
    public bool DueDateProvisional { get; init; }

    /// <summary>online, walk-in or post (a letter).</summary>
    public required string Channel { get; init; }
}
