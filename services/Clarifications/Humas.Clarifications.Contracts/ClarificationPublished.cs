namespace Humas.Clarifications.Contracts;

/// <summary>
/// A clarification of a hoax was published (or imported, already published elsewhere): for
/// MediaRelations (a statement to the press when mass media quoted the claim) and Calendar.
/// Published again, with the same id and a higher <see cref="Version"/>, when it is corrected
/// (<see cref="CorrectionNote"/>, the corrected title and claim) and, with <see cref="Retracted"/>,
/// when it is withdrawn (same version): a consumer keeps the highest version it has seen, and a
/// retraction ends it.
/// Carries no personal data: reporters are never named here.
/// </summary>
public sealed record ClarificationPublished(
    Guid ClarificationId,
    string Number,
    int Version,
    string UnitId,
    string Label,
    string Title,
    string Claim,
    DateTimeOffset PublishedAt,
    string Url,
    bool Imported,
    Guid? CaseId,
    ClarificationReach Reach)
{
    /// <summary>The note readers see with a correction (version 2 and later).</summary>
    public string? CorrectionNote { get; init; }

    /// <summary>When this version was published: the correction's moment, or <see cref="PublishedAt"/> for the first.</summary>
    public DateTimeOffset? VersionPublishedAt { get; init; }

    /// <summary>Withdrawn: it no longer stands, readers see the reason.</summary>
    public bool Retracted { get; init; }

    public string? RetractionReason { get; init; }
}

/// <summary>How far the claim had spread: the track of the response follows from it.</summary>
public sealed record ClarificationReach(long Shares, long Views, IReadOnlyList<string> QuotedByOutlets, bool QuotedByMassMedia);
