using System.ComponentModel.DataAnnotations;
using Humas.Clarifications.Verdicts;
using Humas.ServiceDefaults.Problems;

namespace Humas.Clarifications.Cases;

/// <summary>The response target of each track (configuration Humas:Clarifications:Targets, e.g. 24 h and 6 h).</summary>
public sealed record ResponseTargets
{
    public TimeSpan MediaTeam { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan OfficialStatement { get; init; } = TimeSpan.FromHours(6);

    public TimeSpan For(ResponseTrack track) => track == ResponseTrack.OfficialStatement ? OfficialStatement : MediaTeam;
}

/// <summary>Everything a case decision depends on besides the case: read before deciding, so the deciders stay pure.</summary>
public sealed record CaseContext(DateTimeOffset Now, string Actor, ResponseTargets Targets);

/// <summary>
/// The pure deciders of a case, from triage to retraction. Each returns the events of the change,
/// nothing when it would change nothing, or throws a <see cref="Refusal"/>.
/// </summary>
public static class CaseDecisions
{
    public const int MaxText = 4000;
    public const int MaxBody = 20000;

    /// <summary>The track follows from the reach: quoted by mass media (or seen there) calls for an official statement.</summary>
    public static ResponseTrack TrackOf(ClaimReach reach, SeenOn seenOn) =>
        reach.QuotedByMassMedia || seenOn == SeenOn.MassMedia ? ResponseTrack.OfficialStatement : ResponseTrack.MediaTeam;

    private static void MustBeOpen(ClarificationCase state)
    {
        if (state.Status != CaseStatus.Open) throw Refusal.Conflict("clarification.case.not-open", state.Status.ToString());
    }

    private static void MustBePublished(ClarificationCase state)
    {
        if (state.Status != CaseStatus.Published) throw Refusal.Conflict("clarification.case.not-published");
    }

    private static string Required(string? value, string field, int max)
    {
        new Validation().Text(value, field, max).ThrowIfInvalid();
        return value!.Trim();
    }

    /// <summary>A report of the same claim joins the case; a wider reach may move it to the official-statement track, with that track's (earlier) target.</summary>
    public static IReadOnlyList<object> AttachReport(ClarificationCase state, Guid reportId, string reportNumber, ClaimReach reach, SeenOn seenOn, CaseContext context)
    {
        MustBeOpen(state);
        if (state.ReportNumbers.Contains(reportNumber)) return [];
        var merged = state.Reach.Merge(reach);
        var track = state.Track == ResponseTrack.OfficialStatement ? ResponseTrack.OfficialStatement : TrackOf(merged, seenOn);
        var due = track == state.Track ? state.DueAt : Min(state.DueAt, state.OpenedAt + context.Targets.For(track));
        return [new CaseReportAttached(reportId, reportNumber, merged, track, due, context.Actor, context.Now)];
    }

    /// <summary>
    /// Grouping: the report that opened <paramref name="source"/> joins <paramref name="target"/>, and the source case is closed
    /// as merged. Only a case still holding its one report can be merged, into another open case of a unit the same officers act for.
    /// </summary>
    public static (IReadOnlyList<object> Target, IReadOnlyList<object> Source) Merge(ClarificationCase target, ClarificationCase source, Guid reportId, SeenOn seenOn,
        CaseContext context)
    {
        MustBeOpen(target);
        if (source.Id == target.Id) throw Refusal.Conflict("clarification.case.merge-into-itself");
        if (source.Status != CaseStatus.Open) throw Refusal.Conflict("clarification.case.merge-source-not-open");
        if (source.ReportNumbers.Count != 1 || source.Verifier is not null || source.Draft is not null)
            throw Refusal.Conflict("clarification.case.merge-source-in-progress");
        var attached = AttachReport(target, reportId, source.ReportNumbers[0], source.Reach, seenOn, context);
        return (attached, [new CaseMerged(target.Id, context.Actor, context.Now)]);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public static IReadOnlyList<object> ConfirmSuggestion(ClarificationCase state, CaseContext context)
    {
        MustBeOpen(state);
        if (state.Suggestion is not { } suggestion) throw Refusal.Conflict("clarification.case.no-suggestion");
        return [new CaseSuggestionConfirmed(suggestion.Number, context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> RejectSuggestion(ClarificationCase state, CaseContext context)
    {
        MustBeOpen(state);
        if (state.Suggestion is not { } suggestion) throw Refusal.Conflict("clarification.case.no-suggestion");
        return [new CaseSuggestionRejected(suggestion.Number, context.Actor, context.Now)];
    }

    /// <summary>The similar open case named at intake is about another claim: the two cases stay apart and the case no longer names it.</summary>
    public static IReadOnlyList<object> KeepApart(ClarificationCase state, CaseContext context)
    {
        MustBeOpen(state);
        if (state.Similar is not { } similar) throw Refusal.Conflict("clarification.case.no-similar-case");
        return [new SimilarCaseKeptApart(similar.CaseId, context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> AssignVerifier(ClarificationCase state, string? verifier, CaseContext context)
    {
        MustBeOpen(state);
        var who = Required(verifier, "verifier", 200);
        return state.Verifier == who ? [] : [new VerifierAssigned(who, context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> AddEvidence(ClarificationCase state, EvidenceKind? kind, string? description, string? url, CaseContext context)
    {
        MustBeOpen(state);
        var errors = new Validation();
        errors.FailWhen(kind is null, "kind", "field.required", "kind");
        errors.Text(description, "description", MaxText);
        errors.FailWhen(url is not null && !IsWebAddress(url), "url", "clarification.url.invalid", "url");
        errors.FailWhen(kind == EvidenceKind.Link && url is null, "url", "field.required", "url");
        errors.ThrowIfInvalid();
        return [new EvidenceAdded(kind!.Value, description!.Trim(), url?.Trim(), context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> GiveVerdict(ClarificationCase state, string? label, string? category, CaseContext context)
    {
        MustBeOpen(state);
        if (string.IsNullOrWhiteSpace(label)) throw Refusal.Invalid("label", "field.required", "label");
        var found = VerdictLabels.Find(label) ?? throw Refusal.Invalid("label", "clarification.label.unknown", label);
        var chosen = string.IsNullOrWhiteSpace(category) ? found.Category : category.Trim();
        if (!VerdictLabels.Categories.Contains(chosen)) throw Refusal.Invalid("category", "field.unknown-value", "category", chosen, string.Join(", ", VerdictLabels.Categories));
        return state.Label == found.Code && state.Category == chosen ? [] : [new VerdictGiven(found.Code, chosen, context.Actor, context.Now)];
    }

    public sealed record DraftBody(
        [property: MaxLength(300)] string? Title, [property: MaxLength(MaxText)] string? Claim, [property: MaxLength(MaxBody)] string? Explanation,
        [property: MaxLength(MaxBody)] string? Facts, [property: MaxLength(MaxText)] string? Conclusion, IReadOnlyList<string>? References);

    public static Validation ValidateDraft(DraftBody body)
    {
        var errors = new Validation();
        errors.Text(body.Title, "title", 300).Text(body.Claim, "claim", MaxText).Text(body.Explanation, "explanation", MaxBody)
            .Text(body.Facts, "facts", MaxBody).Text(body.Conclusion, "conclusion", MaxText);
        var references = body.References ?? [];
        errors.FailWhen(references.Count > 50, "references", "clarification.draft.too-many-references", 50);
        for (var i = 0; i < references.Count; i++) errors.Text(references[i], $"references[{i}]", 2000);
        return errors;
    }

    /// <summary>The title carries the verdict label ("[HOAKS] ..."): given first, and put in front of the title when the author left it out.</summary>
    public static IReadOnlyList<object> WriteDraft(ClarificationCase state, DraftBody body, CaseContext context)
    {
        var draft = DraftOf(state, body);
        if (state.Draft == draft && state.DraftAuthor == context.Actor) return [];
        return [new DraftWritten(state.DraftRevision + 1, draft, context.Actor, context.Now)];
    }

    /// <summary>
    /// The draft as writing it would store it (the title under the verdict's label), or the refusal writing it would
    /// meet: also what a preview shows before anything is saved.
    /// </summary>
    public static ClarificationDraft DraftOf(ClarificationCase state, DraftBody body)
    {
        MustBeOpen(state);
        ValidateDraft(body).ThrowIfInvalid();
        if (state.Label is null) throw Refusal.Conflict("clarification.draft.verdict-first");
        var label = VerdictLabels.Find(state.Label)!;
        var title = body.Title!.Trim();
        if (!title.StartsWith(label.Title, StringComparison.OrdinalIgnoreCase)) title = $"{label.Title} {title}";
        return new ClarificationDraft(title, body.Claim!.Trim(), body.Explanation!.Trim(), body.Facts!.Trim(), body.Conclusion!.Trim(),
            (body.References ?? []).Select(r => r.Trim()).ToList());
    }

    /// <summary>Four eyes: a second officer approves the current draft; its author never can.</summary>
    public static IReadOnlyList<object> Approve(ClarificationCase state, CaseContext context)
    {
        MustBeOpen(state);
        if (state.Draft is null) throw Refusal.Conflict("clarification.approval.no-draft");
        if (state.DraftAuthor == context.Actor) throw Refusal.Forbidden("clarification.approval.own-draft");
        return state.ApprovedBy is not null ? [] : [new DraftApproved(state.DraftRevision, context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> RecordLegalReview(ClarificationCase state, string? note, CaseContext context)
    {
        MustBeOpen(state);
        return [new LegalReviewRecorded(Required(note, "note", MaxText), context.Actor, context.Now)];
    }

    /// <summary>What publishing needs: an approved draft with its verdict, and on the official-statement track a legal review.</summary>
    public static void EnsurePublishable(ClarificationCase state)
    {
        MustBeOpen(state);
        if (state.Draft is null || state.Label is null) throw Refusal.Conflict("clarification.approval.no-draft");
        if (state.ApprovedBy is null) throw Refusal.Conflict("clarification.publish.not-approved");
        if (state.Track == ResponseTrack.OfficialStatement && state.LegalReview is null) throw Refusal.Conflict("clarification.publish.legal-review-required");
    }

    public static IReadOnlyList<object> Publish(ClarificationCase state, string number, CaseContext context)
    {
        EnsurePublishable(state);
        var draft = state.Draft!;
        return
        [
            new CaseClarificationPublished(state.Id, number, state.UnitId, state.Label!, draft.Title, draft.Claim, draft.BodyMarkdown(), state.Track, state.Reach,
                state.AppearanceUrl, state.FirstSeenAt, context.Actor, context.Now),
        ];
    }

    public static IReadOnlyList<object> Correct(ClarificationCase state, string? note, DraftBody body, CaseContext context)
    {
        MustBePublished(state);
        var errors = ValidateDraft(body);
        errors.Text(note, "note", MaxText);
        errors.ThrowIfInvalid();
        var label = VerdictLabels.Find(state.Label)!;
        var title = body.Title!.Trim();
        if (!title.StartsWith(label.Title, StringComparison.OrdinalIgnoreCase)) title = $"{label.Title} {title}";
        var draft = new ClarificationDraft(title, body.Claim!.Trim(), body.Explanation!.Trim(), body.Facts!.Trim(), body.Conclusion!.Trim(),
            (body.References ?? []).Select(r => r.Trim()).ToList());
        return [new ClarificationCorrected(state.Version + 1, note!.Trim(), draft.Title, draft.Claim, draft.BodyMarkdown(), context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> Retract(ClarificationCase state, string? reason, CaseContext context)
    {
        MustBePublished(state);
        return [new ClarificationRetracted(Required(reason, "reason", MaxText), context.Actor, context.Now)];
    }

    /// <summary>An open case past its target is flagged once and escalated to the province of its unit.</summary>
    public static IReadOnlyList<object> FlagPastTarget(ClarificationCase state, DateTimeOffset now, string provinceId) =>
        state.Status != CaseStatus.Open || state.Flagged || now <= state.DueAt ? [] : [new CaseFlaggedPastTarget(state.DueAt, provinceId, now)];

    /// <summary>The official statement for the clarification: linked once (a repeated message changes nothing).</summary>
    public static IReadOnlyList<object> LinkStatement(ClarificationCase state, Guid releaseId, string headline, DateTimeOffset publishedAt) =>
        state.StatementReleaseId == releaseId ? [] : [new StatementLinked(releaseId, headline, publishedAt)];

    public static bool IsWebAddress(string value) =>
        value.Length <= 2000 && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
