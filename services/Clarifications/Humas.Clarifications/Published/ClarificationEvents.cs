namespace Humas.Clarifications.Published;

/// <summary>
/// A clarification published elsewhere before (a unit's earlier answers), brought in by import:
/// published from its first event, marked as imported, and matched against at once.
/// </summary>
public sealed record ClarificationImported(
    Guid ClarificationId,
    string Number,
    string UnitId,
    string Label,
    string Title,
    string Claim,
    string Explanation,
    DateTimeOffset PublishedAt,
    string? SourceUrl,
    string? ImportedBy,
    DateTimeOffset At);

public static class Clarification
{
    public const string StreamType = "clarification";

    public static string StreamId(Guid id) => $"clarification-{id}";
}
