namespace Humas.Clarifications.Contracts;

/// <summary>
/// A clarification of a hoax was published (or imported, already published elsewhere): for
/// MediaRelations (a statement to the press when mass media quoted the claim) and Calendar.
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
    ClarificationReach Reach);

/// <summary>How far the claim had spread: the track of the response follows from it.</summary>
public sealed record ClarificationReach(long Shares, long Views, IReadOnlyList<string> QuotedByOutlets, bool QuotedByMassMedia);
