namespace Humas.MediaRelations.PressReleases;

/// <summary>
/// Draft: being written by its author. InReview: submitted, waiting for a reviewer other than the
/// author. Approved: may be published. Scheduled: approved and to be published at a set time.
/// Published: public, or (with an embargo time still to come) visible only to accredited journalists.
/// Withdrawn: its address answers with the withdrawal notice.
/// </summary>
public enum ReleaseStatus { Draft, InReview, Approved, Scheduled, Published, Withdrawn }

/// <summary>The office a journalist calls about a release: a person's name and role, and the office's public phone or e-mail.</summary>
public sealed record ContactPerson(string Name, string Role, string? OfficePhone, string? OfficeEmail);

/// <summary>What a release says; drafted and revised (and corrected) as a whole.</summary>
public sealed record ReleaseContent(
    string Headline,
    string Summary,
    string BodyMarkdown,
    string Language,
    IReadOnlyList<string> Subjects,
    string Place,
    ContactPerson Contact)
{
    // Records compare lists by reference; a revision that changes nothing must compare equal.
    public bool Equals(ReleaseContent? other) =>
        other is not null && Headline == other.Headline && Summary == other.Summary && BodyMarkdown == other.BodyMarkdown
        && Language == other.Language && Subjects.SequenceEqual(other.Subjects) && Place == other.Place && Contact == other.Contact;

    public override int GetHashCode() => HashCode.Combine(Headline, Language, Place);
}

public sealed record PressReleaseDrafted(Guid ReleaseId, string UnitId, ReleaseContent Content, string Author, DateTimeOffset DraftedAt, Guid? ClarificationId);

public sealed record PressReleaseRevised(Guid ReleaseId, ReleaseContent Content);

public sealed record PressReleaseSubmitted(Guid ReleaseId, string By, DateTimeOffset At);

public sealed record PressReleaseSentBack(Guid ReleaseId, string By, string Note, DateTimeOffset At);

public sealed record PressReleaseApproved(Guid ReleaseId, string By, DateTimeOffset At);

/// <summary>Approved and to be published at PublishAt by the service itself (see ReleaseTimers).</summary>
public sealed record PressReleaseScheduled(Guid ReleaseId, DateTimeOffset PublishAt, DateTimeOffset? EmbargoUntil, DateTimeOffset At);

/// <summary>
/// Published as version 1. With EmbargoUntil in the future it is not public yet: accredited
/// journalists see it, marked; it becomes public by itself at that time (PressReleaseEmbargoLifted).
/// Carries what the integration event needs when it is public at once.
/// </summary>
public sealed record PressReleasePublishedInternally(
    Guid ReleaseId, string UnitId, string Headline, string Language, DateTimeOffset PublishedAt, DateTimeOffset? EmbargoUntil, Guid? ClarificationId);

/// <summary>The embargo time came: the release is public from LiftedAt.</summary>
public sealed record PressReleaseEmbargoLifted(
    Guid ReleaseId, string UnitId, string Headline, string Language, int Version, DateTimeOffset LiftedAt, Guid? ClarificationId);

/// <summary>A published release was corrected: a new version with its note. Public says whether it was public then (not under embargo).</summary>
public sealed record PressReleaseCorrected(
    Guid ReleaseId, string UnitId, int Version, ReleaseContent Content, string Note, DateTimeOffset CorrectedAt, bool Public);

/// <summary>A published release was withdrawn; its address keeps answering with the notice.</summary>
public sealed record PressReleaseWithdrawn(Guid ReleaseId, string UnitId, string Notice, DateTimeOffset WithdrawnAt, bool WasPublic);

/// <summary>A file attached to a draft: its bytes are in release_attachments (see docs/adr/0009-press-release-attachments.md), checked by content.</summary>
public sealed record ReleaseAttachment(Guid AttachmentId, string FileName, string ContentType, long Size, string Sha256);

public sealed record PressReleaseAttachmentAdded(Guid ReleaseId, ReleaseAttachment Attachment, string By, DateTimeOffset At);

/// <summary>One published version of a release, as it was then.</summary>
public sealed record ReleaseVersion(int Number, ReleaseContent Content, DateTimeOffset CreatedAt, string? CorrectionNote);

/// <summary>A press release, folded from its events.</summary>
public sealed record PressRelease(
    Guid Id,
    string UnitId,
    ReleaseStatus Status,
    ReleaseContent Content,
    string Author,
    string? SubmittedBy,
    string? ApprovedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? EmbargoUntil,
    bool EmbargoLifted,
    Guid? ClarificationId,
    IReadOnlyList<ReleaseVersion> Versions,
    string? WithdrawalNotice = null,
    DateTimeOffset? WithdrawnAt = null,
    IReadOnlyList<ReleaseAttachment>? AttachmentList = null)
{
    public IReadOnlyList<ReleaseAttachment> Attachments => AttachmentList ?? [];

    public const string StreamType = "press-release";

    public static PressRelease Initial { get; } = new(Guid.Empty, "", ReleaseStatus.Draft,
        new ReleaseContent("", "", "", "id", [], "", new ContactPerson("", "", null, null)), "", null, null, default, null, null, null, false, null, []);

    public static string StreamId(Guid releaseId) => $"press-release-{releaseId}";

    /// <summary>Published, not withdrawn, and its embargo (if any) lifted: in public pages, feeds and answers.</summary>
    public bool IsPublic => Status == ReleaseStatus.Published && (EmbargoUntil is null || EmbargoLifted);

    /// <summary>Published with an embargo still in force: only accredited journalists see it.</summary>
    public bool IsUnderEmbargo => Status == ReleaseStatus.Published && EmbargoUntil is not null && !EmbargoLifted;

    /// <summary>Withdrawn after it had been public: its address answers with the withdrawal notice.</summary>
    public bool IsWithdrawnPublicly => Status == ReleaseStatus.Withdrawn && PublishedAt is not null && (EmbargoUntil is null || EmbargoLifted || EmbargoUntil <= WithdrawnAt);

    public int CurrentVersion => Versions.Count == 0 ? 0 : Versions[^1].Number;

    public static PressRelease Evolve(PressRelease state, object @event) => @event switch
    {
        PressReleaseDrafted e => Initial with
        {
            Id = e.ReleaseId, UnitId = e.UnitId, Content = e.Content, Author = e.Author, CreatedAt = e.DraftedAt, ClarificationId = e.ClarificationId,
        },
        PressReleaseRevised e => state with { Content = e.Content },
        PressReleaseSubmitted e => state with { Status = ReleaseStatus.InReview, SubmittedBy = e.By },
        PressReleaseSentBack => state with { Status = ReleaseStatus.Draft, SubmittedBy = null },
        PressReleaseApproved e => state with { Status = ReleaseStatus.Approved, ApprovedBy = e.By },
        PressReleaseScheduled e => state with { Status = ReleaseStatus.Scheduled, PublishAt = e.PublishAt, EmbargoUntil = e.EmbargoUntil },
        PressReleasePublishedInternally e => state with
        {
            Status = ReleaseStatus.Published, PublishedAt = e.PublishedAt, EmbargoUntil = e.EmbargoUntil, PublishAt = null,
            Versions = [new ReleaseVersion(1, state.Content, e.PublishedAt, null)],
        },
        PressReleaseEmbargoLifted => state with { EmbargoLifted = true },
        PressReleaseCorrected e => state with { Content = e.Content, Versions = [.. state.Versions, new ReleaseVersion(e.Version, e.Content, e.CorrectedAt, e.Note)] },
        PressReleaseWithdrawn e => state with { Status = ReleaseStatus.Withdrawn, WithdrawalNotice = e.Notice, WithdrawnAt = e.WithdrawnAt },
        PressReleaseAttachmentAdded e => state with { AttachmentList = [.. state.Attachments, e.Attachment] },
        _ => state,
    };
}
