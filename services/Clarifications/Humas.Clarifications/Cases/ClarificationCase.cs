namespace Humas.Clarifications.Cases;

/// <summary>Open while it is being verified; resolved when it turned out to repeat a published clarification; published; retracted after publishing.</summary>
public enum CaseStatus { Open, Resolved, Published, Retracted, Merged }

/// <summary>
/// How a claim is answered (DOMAIN: hoax clarifications): one that stayed on social media by the
/// unit's media team; one that mass media quoted by an official statement after legal review.
/// </summary>
public enum ResponseTrack { MediaTeam, OfficialStatement }

/// <summary>Where a claim was seen.</summary>
public enum SeenOn { Whatsapp, Facebook, X, Instagram, Tiktok, Youtube, Website, MassMedia, Other }

/// <summary>How far a claim had spread: shares and views as counted where it was seen, and the outlets that quoted it.</summary>
public sealed record ClaimReach(long Shares, long Views, IReadOnlyList<string> QuotedByOutlets)
{
    public static readonly ClaimReach None = new(0, 0, []);

    public bool QuotedByMassMedia => QuotedByOutlets.Count > 0;

    /// <summary>Reports of the same claim add up to the widest reach any of them saw.</summary>
    public ClaimReach Merge(ClaimReach other) =>
        new(Math.Max(Shares, other.Shares), Math.Max(Views, other.Views),
            QuotedByOutlets.Concat(other.QuotedByOutlets).Distinct(StringComparer.OrdinalIgnoreCase).ToList());

    public bool Equals(ClaimReach? other) =>
        other is not null && Shares == other.Shares && Views == other.Views && QuotedByOutlets.SequenceEqual(other.QuotedByOutlets);

    public override int GetHashCode() => HashCode.Combine(Shares, Views, QuotedByOutlets.Count);
}

/// <summary>A published clarification the claim may repeat, found at intake below the confirmed threshold: an officer confirms or rejects it.</summary>
public sealed record SuggestedMatch(string Number, string Title, string Label, double Score);

/// <summary>
/// An open case of the unit whose claim the report resembled at intake, below the confirmed threshold (or in fewer
/// words than confirming needs): an officer groups the two cases (merge) or leaves them apart.
/// </summary>
public sealed record SimilarCase(Guid CaseId, double Score);

public enum EvidenceKind { Source, Document, Link, Note }

public sealed record Evidence(EvidenceKind Kind, string Description, string? Url, string By, DateTimeOffset At);

/// <summary>The clarification as drafted, in Markdown: the labelled title, the claim, the explanation, the facts, the conclusion, the references.</summary>
public sealed record ClarificationDraft(string Title, string Claim, string Explanation, string Facts, string Conclusion, IReadOnlyList<string> References)
{
    public bool Equals(ClarificationDraft? other) =>
        other is not null && Title == other.Title && Claim == other.Claim && Explanation == other.Explanation && Facts == other.Facts
        && Conclusion == other.Conclusion && References.SequenceEqual(other.References);

    public override int GetHashCode() => HashCode.Combine(Title, Claim, Explanation, Facts, Conclusion);

    /// <summary>The body readers get: the explanation, facts and conclusion under their headings, then the references.</summary>
    public string BodyMarkdown()
    {
        var body = $"## Penjelasan\n\n{Explanation}\n\n## Fakta\n\n{Facts}\n\n## Kesimpulan\n\n{Conclusion}\n";
        if (References.Count > 0) body += "\n## Referensi\n\n" + string.Concat(References.Select(r => $"- {r}\n"));
        return body;
    }
}

// --- Events of a case stream --------------------------------------------------------------

/// <summary>A report that matched no published clarification with confidence opened a case.</summary>
public sealed record CaseOpened(
    Guid CaseId, string UnitId, Guid ReportId, string ReportNumber, string Claim, SeenOn SeenOn, string? AppearanceUrl, DateTimeOffset? FirstSeenAt,
    ClaimReach Reach, ResponseTrack Track, DateTimeOffset DueAt, SuggestedMatch? Suggestion, DateTimeOffset At, SimilarCase? Similar = null);

/// <summary>Another report of the same claim joined the case; its reach may move the case to the official-statement track.</summary>
public sealed record CaseReportAttached(Guid ReportId, string ReportNumber, ClaimReach Reach, ResponseTrack Track, DateTimeOffset DueAt, string By, DateTimeOffset At);

/// <summary>An officer found that this case's report is about the claim of another case: it joined that one, and this case is closed.</summary>
public sealed record CaseMerged(Guid IntoCaseId, string By, DateTimeOffset At);

/// <summary>An officer confirmed that the claim repeats a published clarification: the case is resolved with it (resurfacing).</summary>
public sealed record CaseSuggestionConfirmed(string Number, string By, DateTimeOffset At);

public sealed record CaseSuggestionRejected(string Number, string By, DateTimeOffset At);

/// <summary>An officer found that the similar open case named at intake is about another claim: the two stay apart.</summary>
public sealed record SimilarCaseKeptApart(Guid SimilarCaseId, string By, DateTimeOffset At);

public sealed record VerifierAssigned(string Verifier, string By, DateTimeOffset At);

public sealed record EvidenceAdded(EvidenceKind Kind, string Description, string? Url, string By, DateTimeOffset At);

public sealed record VerdictGiven(string Label, string Category, string By, DateTimeOffset At);

/// <summary>A draft (or a new one): any earlier approval no longer holds.</summary>
public sealed record DraftWritten(int Revision, ClarificationDraft Draft, string By, DateTimeOffset At);

/// <summary>A second officer approved the draft of the given revision (never its author).</summary>
public sealed record DraftApproved(int Revision, string By, DateTimeOffset At);

public sealed record LegalReviewRecorded(string Note, string By, DateTimeOffset At);

/// <summary>The case passed its response target unanswered: flagged and escalated to the province.</summary>
public sealed record CaseFlaggedPastTarget(DateTimeOffset DueAt, string EscalatedTo, DateTimeOffset At);

/// <summary>The approved draft became a published clarification with a number of its unit and year.</summary>
public sealed record CaseClarificationPublished(
    Guid CaseId, string Number, string UnitId, string Label, string Title, string Claim, string BodyMarkdown, ResponseTrack Track, ClaimReach Reach,
    string? AppearanceUrl, DateTimeOffset? FirstSeenAt, string By, DateTimeOffset At);

/// <summary>A published clarification corrected: a new version, with the note readers see.</summary>
public sealed record ClarificationCorrected(int Version, string Note, string Title, string Claim, string BodyMarkdown, string By, DateTimeOffset At);

public sealed record ClarificationRetracted(string Reason, string By, DateTimeOffset At);

/// <summary>MediaRelations published the official statement answering this clarification.</summary>
public sealed record StatementLinked(Guid ReleaseId, string Headline, DateTimeOffset PublishedAt);

/// <summary>The state of one case, folded from its events.</summary>
public sealed record ClarificationCase(
    Guid Id,
    string UnitId,
    CaseStatus Status,
    ResponseTrack Track,
    ClaimReach Reach,
    string Claim,
    string? AppearanceUrl,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    bool Flagged,
    string? EscalatedTo,
    SuggestedMatch? Suggestion,
    IReadOnlyList<string> ReportNumbers,
    string? Verifier,
    IReadOnlyList<Evidence> Evidence,
    string? Label,
    string? Category,
    ClarificationDraft? Draft,
    int DraftRevision,
    string? DraftAuthor,
    string? ApprovedBy,
    string? LegalReview,
    string? Number,
    int Version,
    DateTimeOffset? PublishedAt,
    string? ResolvedWith,
    Guid? StatementReleaseId,
    Guid? MergedInto = null,
    SimilarCase? Similar = null)
{
    public const string StreamType = "clarification-case";

    public static ClarificationCase Initial { get; } = new(Guid.Empty, "", CaseStatus.Open, ResponseTrack.MediaTeam, ClaimReach.None, "", null, null,
        default, default, false, null, null, [], null, [], null, null, null, 0, null, null, null, null, 0, null, null, null);

    public static string StreamId(Guid caseId) => $"case-{caseId}";

    public bool IsApproved => Draft is not null && ApprovedBy is not null;

    public static ClarificationCase Evolve(ClarificationCase state, object @event) => @event switch
    {
        CaseOpened e => Initial with
        {
            Id = e.CaseId, UnitId = e.UnitId, Track = e.Track, Reach = e.Reach, Claim = e.Claim, AppearanceUrl = e.AppearanceUrl, FirstSeenAt = e.FirstSeenAt,
            OpenedAt = e.At, DueAt = e.DueAt, Suggestion = e.Suggestion, ReportNumbers = [e.ReportNumber], Similar = e.Similar,
        },
        CaseReportAttached e => state with { Reach = e.Reach, Track = e.Track, DueAt = e.DueAt, ReportNumbers = [.. state.ReportNumbers, e.ReportNumber] },
        CaseSuggestionConfirmed e => state with { Status = CaseStatus.Resolved, ResolvedWith = e.Number, Suggestion = null },
        CaseSuggestionRejected => state with { Suggestion = null },
        SimilarCaseKeptApart => state with { Similar = null },
        CaseMerged e => state with { Status = CaseStatus.Merged, MergedInto = e.IntoCaseId },
        VerifierAssigned e => state with { Verifier = e.Verifier },
        EvidenceAdded e => state with { Evidence = [.. state.Evidence, new Evidence(e.Kind, e.Description, e.Url, e.By, e.At)] },
        VerdictGiven e => state with { Label = e.Label, Category = e.Category, ApprovedBy = null },
        DraftWritten e => state with { Draft = e.Draft, DraftRevision = e.Revision, DraftAuthor = e.By, ApprovedBy = null },
        DraftApproved e => state with { ApprovedBy = e.By },
        LegalReviewRecorded e => state with { LegalReview = e.Note },
        CaseFlaggedPastTarget e => state with { Flagged = true, EscalatedTo = e.EscalatedTo },
        CaseClarificationPublished e => state with { Status = CaseStatus.Published, Number = e.Number, Version = 1, PublishedAt = e.At },
        ClarificationCorrected e => state with
        {
            Version = e.Version, Draft = state.Draft! with { Title = e.Title, Claim = e.Claim },
        },
        ClarificationRetracted => state with { Status = CaseStatus.Retracted },
        StatementLinked e => state with { StatementReleaseId = e.ReleaseId },
        _ => state,
    };
}
