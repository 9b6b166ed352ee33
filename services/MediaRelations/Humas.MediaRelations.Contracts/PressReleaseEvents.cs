namespace Humas.MediaRelations.Contracts;

/// <summary>
/// A press release became public: published without embargo, or its embargo time passed.
/// Carries no personal data; ClarificationId links an official statement to the clarification it answers.
/// </summary>
public sealed record PressReleasePublished(
    Guid ReleaseId, string UnitId, int Version, string Language, string Headline, DateTimeOffset PublishedAt, Guid? ClarificationId);

/// <summary>A published press release was corrected: Version is the new version.</summary>
public sealed record PressReleaseCorrected(Guid ReleaseId, string UnitId, int Version, string CorrectionNote, DateTimeOffset CorrectedAt);

/// <summary>A published press release was withdrawn; its address keeps answering with the notice.</summary>
public sealed record PressReleaseWithdrawn(Guid ReleaseId, string UnitId, string Notice, DateTimeOffset WithdrawnAt);
