namespace Humas.Ppid.Contracts;

/// <summary>A request was answered (Pasal 22(7)). Outcome: granted, granted-in-part, refused, not-held, not-yet-documented.</summary>
public sealed record InformationRequestAnswered
{
    public required Guid RequestId { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string UnitId { get; init; }
    public required string Outcome { get; init; }
    public required int WorkingDaysTaken { get; init; }
    public required bool Late { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
}

/// <summary>A request's due date passed without an answer.</summary>
public sealed record InformationRequestOverdue
{
    public required Guid RequestId { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string UnitId { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
}

/// <summary>A request's due date moved: extended, clarification paused, or the working-day calendar changed.</summary>
public sealed record InformationRequestDueDateChanged
{
    public required Guid RequestId { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string UnitId { get; init; }
    public required DateOnly DueDate { get; init; }

    /// <summary>The request's version at the change: messages can arrive out of order, and the highest wins.</summary>
    public required long RequestVersion { get; init; }
}

/// <summary>An objection (keberatan) was filed with the atasan PPID.</summary>
public sealed record ObjectionFiled
{
    public required Guid ObjectionId { get; init; }
    public required string ObjectionNumber { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string UnitId { get; init; }
    public required IReadOnlyList<string> Grounds { get; init; }
    public required DateOnly DecisionDueDate { get; init; }
}

/// <summary>The atasan PPID decided an objection: accepted (the PPID's answer overturned) or rejected (upheld).</summary>
public sealed record ObjectionDecided
{
    public required Guid ObjectionId { get; init; }
    public required string ObjectionNumber { get; init; }
    public required string UnitId { get; init; }
    public required string Decision { get; init; }
    public required bool Late { get; init; }
    public required DateOnly DisputeFilingDueDate { get; init; }
}

/// <summary>
/// A request was routed to the PPID of another unit of the same body, which answers it from now
/// on: whatever a consumer keeps of the request per unit moves to <see cref="ToUnitId"/>.
/// </summary>
public sealed record InformationRequestRouted
{
    public required Guid RequestId { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string FromUnitId { get; init; }
    public required string ToUnitId { get; init; }
    public required DateTimeOffset RoutedAt { get; init; }

    /// <summary>The request's version at the routing: messages can arrive out of order, and the highest wins.</summary>
    public required long RequestVersion { get; init; }
}
