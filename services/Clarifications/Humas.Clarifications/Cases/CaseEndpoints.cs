using System.ComponentModel.DataAnnotations;
using Dapper;
using Humas.Clarifications.Matching;
using Humas.Clarifications.Published;
using Humas.Clarifications.Rendering;
using Humas.Clarifications.Reports;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;
using Npgsql;

namespace Humas.Clarifications.Cases;

/// <summary>How a change to a case runs through the toolkit's pipeline: found by its id, protected by its unit (humas officers of the unit and above).</summary>
public static class CaseChanges
{
    public sealed record Changed(Guid CaseId, string UnitId, string Status, string Track, DateTimeOffset DueAt, bool Flagged, string? Number, int ClarificationVersion, long Version);

    public static readonly AggregateType<ClarificationCase> Aggregate = new(ClarificationCase.StreamType, ClarificationCase.Initial, ClarificationCase.Evolve);

    public static Changed ViewOf(ClarificationCase s, long version) =>
        new(s.Id, s.UnitId, KebabNames.Of(s.Status), KebabNames.Of(s.Track), s.DueAt, s.Flagged, s.Number, s.Version, version);

    public static CaseContext ContextOf(HttpContext http) =>
        new(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), ChangeFlow<ClarificationCase, CaseContext, Changed>.ActorOf(http) ?? "unknown",
            http.RequestServices.GetRequiredService<ResponseTargets>());

    public static readonly ChangeFlow<ClarificationCase, CaseContext, Changed> Flow = new()
    {
        Aggregate = Aggregate,
        NotFoundCode = "clarification.case.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? ClarificationCase.StreamId(id) : null),
        Protect = (_, state, _) => Task.FromResult(new ProtectedResource(state.UnitId)),
        Context = (http, _, _) => Task.FromResult(ContextOf(http)),
        View = (_, s, version) => ViewOf(s, version),
    };
}

/// <summary>Triage, verification, approval, publishing, corrections and retraction of a case, by humas officers of its unit (and above).</summary>
public static class CaseEndpoints
{
    public sealed record VerifierBody([property: MaxLength(200)] string? Verifier);

    public sealed record EvidenceBody([property: MaxLength(20)] string? Kind, [property: MaxLength(4000)] string? Description, [property: MaxLength(2000)] string? Url);

    public sealed record VerdictBody([property: MaxLength(50)] string? Label, [property: MaxLength(50)] string? Category);

    public sealed record NoteBody([property: MaxLength(4000)] string? Note);

    public sealed record ReasonBody([property: MaxLength(4000)] string? Reason);

    public sealed record CorrectionBody(
        [property: MaxLength(4000)] string? Note, [property: MaxLength(300)] string? Title, [property: MaxLength(4000)] string? Claim,
        [property: MaxLength(20000)] string? Explanation, [property: MaxLength(20000)] string? Facts, [property: MaxLength(4000)] string? Conclusion,
        IReadOnlyList<string>? References);

    public sealed record DraftBody(
        [property: MaxLength(300)] string? Title, [property: MaxLength(4000)] string? Claim, [property: MaxLength(20000)] string? Explanation,
        [property: MaxLength(20000)] string? Facts, [property: MaxLength(4000)] string? Conclusion, IReadOnlyList<string>? References)
    {
        public CaseDecisions.DraftBody ToDecision() => new(Title, Claim, Explanation, Facts, Conclusion, References);
    }

    public static readonly ActOn HumasOfficer = SubmitReport.HumasOfficer;

    private static RouteHandlerBuilder Change(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(HumasPolicies.HumasOfficer).WithName(name).WithSummary(summary).ProducesChange<CaseChanges.Changed>();

    private static Task<IResult> Run(HttpContext http, string caseId, Decider<ClarificationCase, CaseContext> decide, CancellationToken ct) =>
        CaseChanges.Flow.RunAsync(http, caseId, HumasOfficer, decide, ct);

    public static void MapCases(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", ListAsync).RequireAuthorization(HumasPolicies.HumasOfficer).WithName("ListCases")
            .WithSummary("The cases of a unit (with its units), newest first, a page of limit (cursor from next or the Link header): open ones with their target, suggestion, similar open case and flag")
            .Produces<CaseList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapGet("/{caseId}", GetAsync).RequireAuthorization(HumasPolicies.HumasOfficer).WithName("GetCase")
            .WithSummary("A case: its reports, reach and track, evidence, verdict, draft (with its safe HTML) and approvals, and its version (also the ETag) for If-Match")
            .Produces<CaseView>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{caseId}/reports", MergeAsync)
            .Change("GroupReport", "Group a report into this case: the case the report opened is closed as merged, its reach joins this one (If-Match of this case)");
        cases.MapPost("/{caseId}/suggestion/confirmation", (string caseId, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.ConfirmSuggestion(s, c), ct))
            .Change("ConfirmSuggestedMatch", "Confirm that the claim repeats the suggested clarification: the case is resolved with it (If-Match)");
        cases.MapPost("/{caseId}/suggestion/rejection", (string caseId, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.RejectSuggestion(s, c), ct))
            .Change("RejectSuggestedMatch", "Reject the suggested clarification: the case goes on to verification (If-Match)");
        cases.MapPost("/{caseId}/similar/rejection", (string caseId, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.KeepApart(s, c), ct))
            .Change("KeepCasesApart", "The similar open case named at intake is about another claim: keep the two apart (If-Match); grouping them is POST reports on the other case");
        cases.MapPost("/{caseId}/verifier", (string caseId, VerifierBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.AssignVerifier(s, body.Verifier, c), ct))
            .Change("AssignVerifier", "Assign the officer who verifies the claim (If-Match)");
        cases.MapPost("/{caseId}/evidence", (string caseId, EvidenceBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.AddEvidence(s, ParseKind(body.Kind), body.Description, body.Url, c), ct))
            .Change("AddEvidence", "Add evidence: a source, document, link or note (If-Match)");
        cases.MapPost("/{caseId}/verdict", (string caseId, VerdictBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.GiveVerdict(s, body.Label, body.Category, c), ct))
            .Change("GiveVerdict", "Give the verdict label and its First Draft category (If-Match)");
        cases.MapPut("/{caseId}/draft", (string caseId, DraftBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.WriteDraft(s, body.ToDecision(), c), ct))
            .Change("WriteDraft", "Write (or rewrite) the clarification in Markdown; an earlier approval no longer holds (If-Match)");
        cases.MapPost("/{caseId}/draft/preview", PreviewAsync).RequireAuthorization(HumasPolicies.HumasOfficer).WithName("PreviewDraft")
            .WithSummary("The draft as readers would get it (the labelled title, the claim, the safe HTML of its body), checked as writing it would be; nothing is saved")
            .Produces<DraftPreview>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{caseId}/approval", (string caseId, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.Approve(s, c), ct))
            .Change("ApproveDraft", "Approve the draft: a second officer, never its author (If-Match)");
        cases.MapPost("/{caseId}/legal-review", (string caseId, NoteBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.RecordLegalReview(s, body.Note, c), ct))
            .Change("RecordLegalReview", "Record the legal review an official statement needs (If-Match)");
        cases.MapPost("/{caseId}/publication", PublishAsync)
            .Change("PublishClarification", "Publish the approved clarification: it gets its number and is public, matched and in the feeds (If-Match)");
        cases.MapPost("/{caseId}/correction", (string caseId, CorrectionBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.Correct(s, body.Note,
                    new CaseDecisions.DraftBody(body.Title, body.Claim, body.Explanation, body.Facts, body.Conclusion, body.References), c), ct))
            .Change("CorrectClarification", "Correct a published clarification: a new version with a note (If-Match)");
        cases.MapPost("/{caseId}/retraction", (string caseId, ReasonBody body, HttpContext http, CancellationToken ct) =>
                Run(http, caseId, (s, c) => CaseDecisions.Retract(s, body.Reason, c), ct))
            .Change("RetractClarification", "Retract a published clarification, with the reason readers see (If-Match)");
    }

    private static EvidenceKind? ParseKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return null;
        return Enum.GetValues<EvidenceKind>().Cast<EvidenceKind?>().FirstOrDefault(k => KebabNames.Of(k!.Value) == kind.Trim().ToLowerInvariant())
            ?? throw Refusal.Invalid("kind", "field.unknown-value", "kind", kind, string.Join(", ", Enum.GetValues<EvidenceKind>().Select(KebabNames.Of)));
    }

    /// <summary>
    /// Publishing takes the next number of the unit and year in the transaction that appends the
    /// publication, so a refused or failed publication gives its number back.
    /// </summary>
    private static async Task<IResult> PublishAsync(string caseId, HttpContext http, EventStore store, ResourceAccess access, UnitDirectory units,
        MatchIndex index, CancellationToken ct)
    {
        var streamId = Guid.TryParse(caseId, out var id) ? ClarificationCase.StreamId(id) : null;
        var current = streamId is null ? null : await store.AggregateAsync(streamId, ClarificationCase.Initial, ClarificationCase.Evolve, ct);
        await access.DemandAsync(http, current is var (found, _) ? new ProtectedResource(found.UnitId) : null, HumasOfficer, "clarification.case.not-found", caseId);
        var (state, version) = current!.Value;
        EntityTags.RequireMatch(http.Request, version);
        CaseDecisions.EnsurePublishable(state);

        var context = CaseChanges.ContextOf(http);
        var unit = units.Find(state.UnitId)!;
        await using var write = await WriteSession.OpenAsync(http, ct);
        var number = await ClarificationNumbers.NextAsync(write.Session, unit.Id, unit.TimeZone.ToLocal(context.Now).Year, ct);
        var events = CaseDecisions.Publish(state, number, context);
        var appended = await write.Session.AppendAsync(streamId!, ClarificationCase.StreamType, version, events, new EventMetadata(Actor: context.Actor), ct);
        await write.CommitAsync(ct);

        state = events.Aggregate(state, ClarificationCase.Evolve);
        index.Upsert(new MatchCandidate(number, state.Draft!.Title, state.Label!, state.Draft.Claim));
        EntityTags.Set(http.Response, appended.Version);
        return TypedResults.Ok(CaseChanges.ViewOf(state, appended.Version));
    }

    public sealed record DraftPreview(string Title, string Claim, string Html);

    private static async Task<IResult> PreviewAsync(string caseId, DraftBody body, HttpContext http, EventStore store, ResourceAccess access, MarkdownRenderer markdown,
        CancellationToken ct)
    {
        var current = Guid.TryParse(caseId, out var id) ? await store.AggregateAsync(ClarificationCase.StreamId(id), ClarificationCase.Initial, ClarificationCase.Evolve, ct) : null;
        await access.DemandAsync(http, current is var (found, _) ? new ProtectedResource(found.UnitId) : null, HumasOfficer, "clarification.case.not-found", caseId);
        var draft = CaseDecisions.DraftOf(current!.Value.State, body.ToDecision());
        return TypedResults.Ok(new DraftPreview(draft.Title, draft.Claim, markdown.ToSafeHtml(draft.BodyMarkdown())));
    }

    public sealed record ReportBody([property: MaxLength(60)] string? ReportNumber);

    /// <summary>Both cases change in one transaction: the report's reach joins the target, the case it opened is closed as merged.</summary>
    private static async Task<IResult> MergeAsync(string caseId, ReportBody body, HttpContext http, EventStore store, ResourceAccess access, NpgsqlDataSource db,
        CancellationToken ct)
    {
        var targetStream = Guid.TryParse(caseId, out var id) ? ClarificationCase.StreamId(id) : null;
        var target = targetStream is null ? null : await store.AggregateAsync(targetStream, ClarificationCase.Initial, ClarificationCase.Evolve, ct);
        await access.DemandAsync(http, target is var (t, _) ? new ProtectedResource(t.UnitId) : null, HumasOfficer, "clarification.case.not-found", caseId);
        var (targetState, targetVersion) = target!.Value;
        EntityTags.RequireMatch(http.Request, targetVersion);
        if (string.IsNullOrWhiteSpace(body.ReportNumber)) throw Refusal.Invalid("reportNumber", "field.required", "reportNumber");
        var row = await GetReport.FindAsync(db, body.ReportNumber, ct);
        if (row?.CaseId is not { } sourceId) throw Refusal.Invalid("reportNumber", "clarification.case.report-without-case", body.ReportNumber);
        var source = await store.AggregateAsync(ClarificationCase.StreamId(sourceId), ClarificationCase.Initial, ClarificationCase.Evolve, ct);
        var (sourceState, sourceVersion) = source!.Value;
        await access.DemandAsync(http, new ProtectedResource(sourceState.UnitId), HumasOfficer, "clarification.case.not-found", sourceId);
        var report = await store.AggregateAsync(Report.StreamId(row.ReportId), Report.Initial, Report.Evolve, ct);
        var context = CaseChanges.ContextOf(http);
        var (toTarget, toSource) = CaseDecisions.Merge(targetState, sourceState, row.ReportId, report!.Value.State.Received!.SeenOn, context);

        await using var write = await WriteSession.OpenAsync(http, ct);
        var metadata = new EventMetadata(Actor: context.Actor);
        var appended = await write.Session.AppendAsync(targetStream!, ClarificationCase.StreamType, targetVersion, toTarget, metadata, ct);
        await write.Session.AppendAsync(ClarificationCase.StreamId(sourceId), ClarificationCase.StreamType, sourceVersion, toSource, metadata, ct);
        await write.CommitAsync(ct);
        var state = toTarget.Aggregate(targetState, ClarificationCase.Evolve);
        EntityTags.Set(http.Response, appended.Version);
        return TypedResults.Ok(CaseChanges.ViewOf(state, appended.Version));
    }

    public sealed record CaseRow(Guid CaseId, string UnitId, string Status, string Track, string Claim, DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Flagged,
        string? EscalatedTo, string? SuggestedNumber, string? ResolvedNumber, string? Verifier, string? Label, string? Number, int ReportCount,
        Guid? SimilarCaseId);

    /// <summary>A page of cases; <paramref name="Next"/> (also the Link header's rel="next") is where the list goes on, null on its last page.</summary>
    public sealed record CaseList(IReadOnlyList<CaseRow> Cases, string? Next);

    /// <summary>Where a page of cases (newest first) ends: its last case's opening moment and id.</summary>
    public sealed record CaseKey(DateTimeOffset OpenedAt, Guid CaseId);

    /// <summary>The cases of a unit and the units under it, newest first, a page at a time in the database (Paging: limit, cursor, Link rel="next").</summary>
    private static async Task<IResult> ListAsync([MaxLength(50)] string? unitId, [MaxLength(20)] string? status, int? limit, [MaxLength(500)] string? cursor, HttpContext http, UnitDirectory units, ResourceAccess access,
        NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(unitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        var statuses = Enum.GetValues<CaseStatus>().Select(KebabNames.Of).ToList();
        errors.FailWhen(status is not null && !statuses.Contains(status), "status", "field.unknown-value", "status", status, string.Join(", ", statuses));
        var page = Paging.Read<CaseKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unitId!, HumasOfficer);
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<CaseRow>(new CommandDefinition($"""
            SELECT case_id, unit_id, status, track, claim, opened_at, due_at, flagged, escalated_to, suggested_number, resolved_number, verifier, label, number, report_count,
                similar_case_id
            FROM clarification_cases
            WHERE ({Sql.UnitFilter}) AND (@status::text IS NULL OR status = @status)
              AND (@afterAt::timestamptz IS NULL OR (opened_at, case_id) < (@afterAt, @afterId))
            ORDER BY opened_at DESC, case_id DESC LIMIT @fetch
            """, new { unit = unitId, status, afterAt = page.After?.OpenedAt, afterId = page.After?.CaseId, fetch = page.FetchLimit }, cancellationToken: ct))).ToList();
        var cases = Paging.Answer(http, rows, page, r => new CaseKey(r.OpenedAt, r.CaseId));
        var next = http.Response.Headers.Link.Count > 0 ? NextOf(http.Response.Headers.Link.ToString()) : null;
        return TypedResults.Ok(new CaseList(cases, next));
    }

    /// <summary>The address of a Link header's rel="next" as Paging wrote it.</summary>
    private static string? NextOf(string link) => link.StartsWith('<') && link.IndexOf('>') is > 0 and var end ? link[1..end] : null;

    public sealed record DraftView(int Revision, ClarificationDraft Draft, string Author, string Html, string? ApprovedBy);

    public sealed record CaseView(
        Guid CaseId, string UnitId, string Status, string Track, ClaimReach Reach, string Claim, string? AppearanceUrl, DateTimeOffset? FirstSeenAt,
        DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Flagged, string? EscalatedTo, SuggestedMatch? Suggestion, IReadOnlyList<string> Reports,
        string? Verifier, IReadOnlyList<Evidence> Evidence, string? Label, string? Category, DraftView? Draft, string? LegalReview, string? Number,
        int ClarificationVersion, string? ResolvedWith, Guid? StatementReleaseId, SimilarCase? Similar, long Version);

    private static async Task<IResult> GetAsync(string caseId, HttpContext http, EventStore store, ResourceAccess access, MarkdownRenderer markdown, CancellationToken ct)
    {
        var current = Guid.TryParse(caseId, out var id) ? await store.AggregateAsync(ClarificationCase.StreamId(id), ClarificationCase.Initial, ClarificationCase.Evolve, ct) : null;
        await access.DemandAsync(http, current is var (found, _) ? new ProtectedResource(found.UnitId) : null, HumasOfficer, "clarification.case.not-found", caseId);
        var (s, version) = current!.Value;
        EntityTags.Set(http.Response, version);
        var draft = s.Draft is null ? null : new DraftView(s.DraftRevision, s.Draft, s.DraftAuthor!, markdown.ToSafeHtml(s.Draft.BodyMarkdown()), s.ApprovedBy);
        return TypedResults.Ok(new CaseView(s.Id, s.UnitId, KebabNames.Of(s.Status), KebabNames.Of(s.Track), s.Reach, s.Claim, s.AppearanceUrl, s.FirstSeenAt, s.OpenedAt,
            s.DueAt, s.Flagged, s.EscalatedTo, s.Suggestion, s.ReportNumbers, s.Verifier, s.Evidence, s.Label, s.Category, draft, s.LegalReview, s.Number, s.Version,
            s.ResolvedWith, s.StatementReleaseId, s.Similar, version));
    }
}

/// <summary>SQL shared by the read endpoints.</summary>
public static class Sql
{
    /// <summary>A unit with the units under it: a regency alone, a province with its regencies, a national body with all of its units. Parameter @unit.</summary>
    public const string UnitFilter = "unit_id = @unit OR unit_id LIKE @unit || '.%' OR (position('-' in @unit) = 0 AND unit_id LIKE @unit || '-%')";
}
