using Humas.Clarifications.Cases;
using Humas.Clarifications.Matching;
using Humas.Clarifications.Reports;
using Humas.ServiceDefaults.Problems;

namespace Humas.UnitTests.Clarifications;

/// <summary>The deciders of intake and of a case, every transition and refusal; four eyes above all.</summary>
public class CaseDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly ResponseTargets Targets = new() { MediaTeam = TimeSpan.FromHours(24), OfficialStatement = TimeSpan.FromHours(6) };

    private static CaseContext As(string actor, DateTimeOffset? at = null) => new(at ?? Now, actor, Targets);

    private static SubmitReport.Body Body(string seenOn = "whatsapp", IReadOnlyList<string>? quotedBy = null, string? outlet = null) =>
        new("kpu-33.21", "Surat suara sudah dicoblos ditemukan di gudang kecamatan sebelum hari pemungutan suara.", seenOn, outlet,
            "https://example.org/post/1", null, Now.AddHours(-5), new SubmitReport.ReachBody(120, 4000, quotedBy), null);

    private static ClarificationCase Opened(SubmitReport.Body? body = null, Match? suggestion = null, string number = "KPU-33.21-LAP-2026-00001")
    {
        var (_, opened) = SubmitReport.Decide(body ?? Body(), Guid.NewGuid(), number, ReportChannel.Public, null, suggestion, Guid.NewGuid(),
            null, null, "hash", Targets, Now);
        return ClarificationCase.Evolve(ClarificationCase.Initial, opened!);
    }

    private static ClarificationCase Apply(ClarificationCase state, IReadOnlyList<object> events) => events.Aggregate(state, ClarificationCase.Evolve);

    private static readonly CaseDecisions.DraftBody Draft = new("Surat suara tercoblos di gudang", "Surat suara sudah dicoblos di gudang.",
        "Surat suara masih tersegel.", "Berita acara menunjukkan segel utuh.", "Klaim itu tidak benar.", ["https://kpu.example.go.id/ba/1"]);

    private static ClarificationCase Approved(ClarificationCase? start = null)
    {
        var state = start ?? Opened();
        state = Apply(state, CaseDecisions.GiveVerdict(state, "hoaks", null, As("verifier")));
        state = Apply(state, CaseDecisions.WriteDraft(state, Draft, As("author")));
        return Apply(state, CaseDecisions.Approve(state, As("approver")));
    }

    [Fact]
    public void A_confirmed_match_links_the_report_and_opens_no_case()
    {
        var best = new Match("KPU-33.21-KLR-2026-00007", "[HOAKS] x", "hoaks", 0.9, MatchTier.Confirmed);
        var (report, opened) = SubmitReport.Decide(Body(), Guid.NewGuid(), "N", ReportChannel.Public, null, best, Guid.NewGuid(), null, null, "hash", Targets, Now);
        Assert.Null(opened);
        Assert.Equal("KPU-33.21-KLR-2026-00007", report.LinkedNumber);
        Assert.Null(report.CaseId);
        Assert.Equal("confirmed", report.Match!.Tier);
    }

    [Fact]
    public void A_suggested_match_opens_a_case_that_carries_the_suggestion()
    {
        var best = new Match("KPU-33.21-KLR-2026-00007", "[HOAKS] x", "hoaks", 0.4, MatchTier.Suggested);
        var state = Opened(suggestion: best);
        Assert.Equal("KPU-33.21-KLR-2026-00007", state.Suggestion!.Number);
        Assert.Equal(CaseStatus.Open, state.Status);
    }

    [Fact]
    public void Social_media_only_goes_to_the_media_team_and_mass_media_to_an_official_statement_with_its_own_target()
    {
        var social = Opened();
        Assert.Equal(ResponseTrack.MediaTeam, social.Track);
        Assert.Equal(Now.AddHours(24), social.DueAt);

        var quoted = Opened(Body(quotedBy: ["Harian Contoh"]));
        Assert.Equal(ResponseTrack.OfficialStatement, quoted.Track);
        Assert.Equal(Now.AddHours(6), quoted.DueAt);

        var seenInPress = Opened(Body(seenOn: "mass-media", outlet: "Radio Contoh"));
        Assert.Equal(ResponseTrack.OfficialStatement, seenInPress.Track);
        Assert.Contains("Radio Contoh", seenInPress.Reach.QuotedByOutlets);
    }

    [Fact]
    public void A_report_quoted_by_mass_media_moves_a_case_to_the_official_statement_track()
    {
        var state = Opened();
        var attached = Apply(state, CaseDecisions.AttachReport(state, Guid.NewGuid(), "N2", new ClaimReach(10, 99999, ["Koran Contoh"]), SeenOn.Facebook, As("o")));
        Assert.Equal(ResponseTrack.OfficialStatement, attached.Track);
        Assert.Equal(Now.AddHours(6), attached.DueAt);
        Assert.Equal(99999, attached.Reach.Views);
        Assert.Equal(2, attached.ReportNumbers.Count);
        Assert.Empty(CaseDecisions.AttachReport(attached, Guid.NewGuid(), "N2", ClaimReach.None, SeenOn.Facebook, As("o")));
    }

    [Fact]
    public void Confirming_a_suggestion_resolves_the_case_and_rejecting_keeps_it_open()
    {
        var best = new Match("KPU-33.21-KLR-2026-00007", "[HOAKS] x", "hoaks", 0.4, MatchTier.Suggested);
        var resolved = Apply(Opened(suggestion: best), CaseDecisions.ConfirmSuggestion(Opened(suggestion: best), As("o")));
        Assert.Equal(CaseStatus.Resolved, resolved.Status);
        Assert.Equal("KPU-33.21-KLR-2026-00007", resolved.ResolvedWith);
        Assert.Equal("clarification.case.not-open", Assert.Throws<Refusal>(() => CaseDecisions.AssignVerifier(resolved, "v", As("o"))).Code);

        var rejected = Apply(Opened(suggestion: best), CaseDecisions.RejectSuggestion(Opened(suggestion: best), As("o")));
        Assert.Equal(CaseStatus.Open, rejected.Status);
        Assert.Null(rejected.Suggestion);
        Assert.Equal("clarification.case.no-suggestion", Assert.Throws<Refusal>(() => CaseDecisions.ConfirmSuggestion(rejected, As("o"))).Code);
        Assert.Equal("clarification.case.no-suggestion", Assert.Throws<Refusal>(() => CaseDecisions.RejectSuggestion(rejected, As("o"))).Code);
    }

    [Fact]
    public void Verifier_evidence_and_verdict_are_recorded_and_bad_input_names_the_field()
    {
        var state = Opened();
        state = Apply(state, CaseDecisions.AssignVerifier(state, "officer-7", As("lead")));
        Assert.Equal("officer-7", state.Verifier);
        Assert.Empty(CaseDecisions.AssignVerifier(state, "officer-7", As("lead")));
        Assert.Equal("verifier", Assert.Throws<Refusal>(() => CaseDecisions.AssignVerifier(state, " ", As("lead"))).Field);

        state = Apply(state, CaseDecisions.AddEvidence(state, EvidenceKind.Link, "Berita acara", "https://kpu.example.go.id/ba", As("officer-7")));
        Assert.Single(state.Evidence);
        Assert.Equal("url", Assert.Throws<Refusal>(() => CaseDecisions.AddEvidence(state, EvidenceKind.Link, "x", null, As("o"))).Field);
        Assert.Equal("url", Assert.Throws<Refusal>(() => CaseDecisions.AddEvidence(state, EvidenceKind.Note, "x", "javascript:alert(1)", As("o"))).Field);
        Assert.Equal("kind", Assert.Throws<Refusal>(() => CaseDecisions.AddEvidence(state, null, "x", null, As("o"))).Field);

        state = Apply(state, CaseDecisions.GiveVerdict(state, "[HOAKS]", null, As("officer-7")));
        Assert.Equal("hoaks", state.Label);
        Assert.Equal("fabricated-content", state.Category);
        Assert.Equal("label", Assert.Throws<Refusal>(() => CaseDecisions.GiveVerdict(state, "SALAH", null, As("o"))).Field);
        Assert.Equal("category", Assert.Throws<Refusal>(() => CaseDecisions.GiveVerdict(state, "hoaks", "gosip", As("o"))).Field);
    }

    [Fact]
    public void A_draft_needs_the_verdict_first_and_carries_its_label_in_the_title()
    {
        var state = Opened();
        Assert.Equal("clarification.draft.verdict-first", Assert.Throws<Refusal>(() => CaseDecisions.WriteDraft(state, Draft, As("author"))).Code);
        state = Apply(state, CaseDecisions.GiveVerdict(state, "hoaks", null, As("author")));
        state = Apply(state, CaseDecisions.WriteDraft(state, Draft, As("author")));
        Assert.Equal("[HOAKS] Surat suara tercoblos di gudang", state.Draft!.Title);
        Assert.Equal(1, state.DraftRevision);
        Assert.Contains("## Fakta", state.Draft.BodyMarkdown());
        var refusal = Assert.Throws<Refusal>(() => CaseDecisions.WriteDraft(state, Draft with { Facts = null, Conclusion = "" }, As("author")));
        Assert.Contains(refusal.Fields, f => f.Field == "facts");
        Assert.Contains(refusal.Fields, f => f.Field == "conclusion");
    }

    [Fact]
    public void Four_eyes_the_author_can_never_approve_their_own_draft_and_a_second_officer_can()
    {
        var state = Opened();
        Assert.Equal("clarification.approval.no-draft", Assert.Throws<Refusal>(() => CaseDecisions.Approve(state, As("approver"))).Code);
        state = Apply(state, CaseDecisions.GiveVerdict(state, "hoaks", null, As("author")));
        state = Apply(state, CaseDecisions.WriteDraft(state, Draft, As("author")));

        var own = Assert.Throws<Refusal>(() => CaseDecisions.Approve(state, As("author")));
        Assert.Equal(RefusalKind.Forbidden, own.Kind);
        Assert.Equal("clarification.approval.own-draft", own.Code);

        state = Apply(state, CaseDecisions.Approve(state, As("approver")));
        Assert.Equal("approver", state.ApprovedBy);
        Assert.True(state.IsApproved);

        // The approver rewrites the draft: they are its author now, and only another officer may approve it.
        state = Apply(state, CaseDecisions.WriteDraft(state, Draft with { Conclusion = "Klaim itu hoaks." }, As("approver")));
        Assert.Null(state.ApprovedBy);
        Assert.Equal("clarification.approval.own-draft", Assert.Throws<Refusal>(() => CaseDecisions.Approve(state, As("approver"))).Code);
        Assert.NotEmpty(CaseDecisions.Approve(state, As("author")));
    }

    [Fact]
    public void Publishing_needs_an_approval_and_on_the_official_statement_track_a_legal_review()
    {
        var unapproved = Opened();
        unapproved = Apply(unapproved, CaseDecisions.GiveVerdict(unapproved, "hoaks", null, As("a")));
        unapproved = Apply(unapproved, CaseDecisions.WriteDraft(unapproved, Draft, As("a")));
        Assert.Equal("clarification.publish.not-approved", Assert.Throws<Refusal>(() => CaseDecisions.Publish(unapproved, "N", As("a"))).Code);

        var official = Approved(Opened(Body(quotedBy: ["Harian Contoh"])));
        Assert.Equal("clarification.publish.legal-review-required", Assert.Throws<Refusal>(() => CaseDecisions.Publish(official, "N", As("a"))).Code);
        official = Apply(official, CaseDecisions.RecordLegalReview(official, "Telaah biro hukum: aman diterbitkan.", As("legal")));
        var published = Assert.IsType<CaseClarificationPublished>(Assert.Single(CaseDecisions.Publish(official, "KPU-33.21-KLR-2026-00001", As("a"))));
        Assert.Equal(ResponseTrack.OfficialStatement, published.Track);
        Assert.Equal("[HOAKS] Surat suara tercoblos di gudang", published.Title);

        var state = Apply(Approved(), CaseDecisions.Publish(Approved(), "KPU-33.21-KLR-2026-00002", As("a")));
        Assert.Equal(CaseStatus.Published, state.Status);
        Assert.Equal(1, state.Version);
        Assert.Equal("clarification.case.not-open", Assert.Throws<Refusal>(() => CaseDecisions.Publish(state, "N", As("a"))).Code);
    }

    [Fact]
    public void A_published_clarification_is_corrected_as_a_new_version_with_a_note_and_can_be_retracted()
    {
        Assert.Equal("clarification.case.not-published", Assert.Throws<Refusal>(() => CaseDecisions.Correct(Approved(), "n", Draft, As("a"))).Code);
        Assert.Equal("clarification.case.not-published", Assert.Throws<Refusal>(() => CaseDecisions.Retract(Approved(), "r", As("a"))).Code);
        var state = Apply(Approved(), CaseDecisions.Publish(Approved(), "N", As("a")));
        Assert.Equal("note", Assert.Throws<Refusal>(() => CaseDecisions.Correct(state, null, Draft, As("a"))).Field);
        var corrected = Assert.IsType<ClarificationCorrected>(Assert.Single(CaseDecisions.Correct(state, "Tanggal diperbaiki.", Draft, As("a"))));
        Assert.Equal(2, corrected.Version);
        state = Apply(state, [corrected]);
        Assert.Equal(2, state.Version);

        Assert.Equal("reason", Assert.Throws<Refusal>(() => CaseDecisions.Retract(state, "", As("a"))).Field);
        state = Apply(state, CaseDecisions.Retract(state, "Diterbitkan keliru.", As("a")));
        Assert.Equal(CaseStatus.Retracted, state.Status);
        Assert.Equal("clarification.case.not-published", Assert.Throws<Refusal>(() => CaseDecisions.Retract(state, "again", As("a"))).Code);
    }

    [Fact]
    public void An_open_case_past_its_target_is_flagged_once_and_escalated_to_the_province()
    {
        var state = Opened();
        Assert.Empty(CaseDecisions.FlagPastTarget(state, Now.AddHours(23), "kpu-33"));
        var flagged = Assert.IsType<CaseFlaggedPastTarget>(Assert.Single(CaseDecisions.FlagPastTarget(state, Now.AddHours(25), "kpu-33")));
        Assert.Equal("kpu-33", flagged.EscalatedTo);
        state = Apply(state, [flagged]);
        Assert.True(state.Flagged);
        Assert.Empty(CaseDecisions.FlagPastTarget(state, Now.AddHours(30), "kpu-33"));
        var published = Apply(Approved(), CaseDecisions.Publish(Approved(), "N", As("a")));
        Assert.Empty(CaseDecisions.FlagPastTarget(published, Now.AddDays(3), "kpu-33"));
    }

    [Fact]
    public void A_statement_is_linked_once()
    {
        var state = Apply(Approved(), CaseDecisions.Publish(Approved(), "N", As("a")));
        var release = Guid.NewGuid();
        state = Apply(state, CaseDecisions.LinkStatement(state, release, "Pernyataan resmi", Now));
        Assert.Equal(release, state.StatementReleaseId);
        Assert.Empty(CaseDecisions.LinkStatement(state, release, "Pernyataan resmi", Now));
    }

    [Fact]
    public void Intake_refuses_bad_input_naming_each_field()
    {
        var units = Humas.ReferenceData.UnitDirectory.Load();
        Assert.True(SubmitReport.Validate(Body(), units, Now).IsValid);
        var bad = new SubmitReport.Body("kpu-99.99", " ", "telegram", null, "ftp://x", "not a url", Now.AddDays(1),
            new SubmitReport.ReachBody(-1, null, null), new SubmitReport.ContactBody("Budi", "12", "bukan-surel"));
        var errors = SubmitReport.Validate(bad, units, Now);
        foreach (var field in new[] { "unitId", "claim", "seenOn", "url", "archiveUrl", "firstSeenAt", "reach.shares", "contact.phone", "contact.email" })
            Assert.True(errors.Has(field), field);
        Assert.True(SubmitReport.Validate(Body(seenOn: "mass-media"), units, Now).Has("outlet"));
    }

    [Fact]
    public void A_case_holding_one_unverified_report_is_merged_into_another_whose_reach_grows()
    {
        var target = Opened();
        var source = Opened(Body(quotedBy: ["Harian Contoh"]), number: "KPU-33.21-LAP-2026-00002");
        var (toTarget, toSource) = CaseDecisions.Merge(target, source, Guid.NewGuid(), SeenOn.Facebook, As("o"));
        target = Apply(target, toTarget);
        source = Apply(source, toSource);
        Assert.Equal(2, target.ReportNumbers.Count);
        Assert.Equal(ResponseTrack.OfficialStatement, target.Track);
        Assert.Equal(CaseStatus.Merged, source.Status);
        Assert.Equal(target.Id, source.MergedInto);

        Assert.Equal("clarification.case.merge-into-itself", Assert.Throws<Refusal>(() => CaseDecisions.Merge(target, target, Guid.NewGuid(), SeenOn.X, As("o"))).Code);
        Assert.Equal("clarification.case.merge-source-not-open", Assert.Throws<Refusal>(() => CaseDecisions.Merge(target, source, Guid.NewGuid(), SeenOn.X, As("o"))).Code);
        var verifying = Apply(Opened(), CaseDecisions.AssignVerifier(Opened(), "v", As("o")));
        Assert.Equal("clarification.case.merge-source-in-progress", Assert.Throws<Refusal>(() => CaseDecisions.Merge(target, verifying, Guid.NewGuid(), SeenOn.X, As("o"))).Code);
    }
    [Fact]
    public void An_officer_keeps_a_case_apart_from_the_similar_one_once_and_only_while_it_is_open()
    {
        var similar = new SimilarCase(Guid.NewGuid(), 0.55);
        var state = Opened() with { Similar = similar };
        var events = CaseDecisions.KeepApart(state, As("officer"));
        var kept = Assert.IsType<SimilarCaseKeptApart>(Assert.Single(events));
        Assert.Equal(similar.CaseId, kept.SimilarCaseId);
        Assert.Equal("officer", kept.By);
        var apart = Apply(state, events);
        Assert.Null(apart.Similar);
        Assert.Equal(CaseStatus.Open, apart.Status);
        Assert.Equal("clarification.case.no-similar-case", Refusals.Conflict(() => CaseDecisions.KeepApart(apart, As("officer"))).Code);
        var merged = Apply(state, [new CaseMerged(similar.CaseId, "officer", Now)]);
        Assert.Equal("clarification.case.not-open", Refusals.Conflict(() => CaseDecisions.KeepApart(merged, As("officer"))).Code);
    }

    [Fact]
    public void A_previewed_draft_is_the_draft_writing_it_stores_and_is_refused_as_writing_it_would_be()
    {
        var state = Opened();
        Assert.Equal("clarification.draft.verdict-first", Refusals.Conflict(() => CaseDecisions.DraftOf(state, Draft)).Code);
        state = Apply(state, CaseDecisions.GiveVerdict(state, "hoaks", null, As("verifier")));
        var preview = CaseDecisions.DraftOf(state, Draft);
        Assert.StartsWith("[HOAKS] ", preview.Title, StringComparison.Ordinal);
        var written = Assert.IsType<DraftWritten>(Assert.Single(CaseDecisions.WriteDraft(state, Draft, As("author"))));
        Assert.Equal(written.Draft, preview);
        Assert.Equal("title", Refusals.Invalid(() => CaseDecisions.DraftOf(state, Draft with { Title = " " })).Field);
    }
}
