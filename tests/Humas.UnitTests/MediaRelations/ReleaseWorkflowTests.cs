using Humas.MediaRelations.PressReleases;
using Humas.MediaRelations.Subjects;
using Humas.ServiceDefaults.Problems;

namespace Humas.UnitTests.MediaRelations;

public sealed class ReleaseWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    public static ReleaseBody ValidBody(string unit = "kpu-33") => new(unit, "KPU Jawa Tengah menetapkan DPT", "Ringkasan", "Isi **tebal**", "id",
        ["daftar-pemilih"], "Semarang", "Humas KPU", "Kepala Subbagian", "+62 24 1234567", null);

    private static PressRelease Apply(params object[] events) => events.Aggregate(PressRelease.Initial, PressRelease.Evolve);

    private static PressRelease Drafted(string author = "author") => Apply(ReleaseWorkflow.Draft(ValidBody(), Id, author, Now));

    private static PressRelease InReview(string author = "author") => Apply(
        ReleaseWorkflow.Draft(ValidBody(), Id, author, Now), new PressReleaseSubmitted(Id, author, Now));

    private static PressRelease Approved() => Apply(
        ReleaseWorkflow.Draft(ValidBody(), Id, "author", Now), new PressReleaseSubmitted(Id, "author", Now), new PressReleaseApproved(Id, "reviewer", Now));

    private static ReleaseContext By(string actor, DateTimeOffset? at = null) => new(at ?? Now, actor);

    [Fact]
    public void A_draft_goes_to_review_then_another_officer_approves_it_and_it_is_published()
    {
        var state = Drafted();
        state = ReleaseWorkflow.Submit(state, By("author")).Aggregate(state, PressRelease.Evolve);
        Assert.Equal(ReleaseStatus.InReview, state.Status);
        state = ReleaseWorkflow.Approve(state, By("reviewer")).Aggregate(state, PressRelease.Evolve);
        Assert.Equal(ReleaseStatus.Approved, state.Status);
        var published = Assert.IsType<PressReleasePublishedInternally>(Assert.Single(ReleaseWorkflow.Publish(state, null, null, By("reviewer"))));
        state = PressRelease.Evolve(state, published);
        Assert.True(state.IsPublic);
        Assert.Equal(1, state.CurrentVersion);
    }

    [Fact]
    public void The_author_never_approves_their_own_release()
    {
        var refusal = Assert.Throws<Refusal>(() => ReleaseWorkflow.Approve(InReview("author"), By("author")));
        Assert.Equal("release.four-eyes", refusal.Code);
        Assert.Equal(403, refusal.Status);
    }

    [Fact]
    public void Only_an_approved_release_is_published_and_only_a_draft_is_revised_or_submitted()
    {
        Assert.Equal("release.not-approved", Assert.Throws<Refusal>(() => ReleaseWorkflow.Publish(Drafted(), null, null, By("x"))).Code);
        Assert.Equal("release.not-approved", Assert.Throws<Refusal>(() => ReleaseWorkflow.Publish(InReview(), null, null, By("x"))).Code);
        Assert.Equal("release.not-a-draft", Assert.Throws<Refusal>(() => ReleaseWorkflow.Revise(Approved(), Drafted().Content with { Headline = "Baru" })).Code);
        Assert.Equal("release.not-a-draft", Assert.Throws<Refusal>(() => ReleaseWorkflow.Submit(Approved(), By("author"))).Code);
        Assert.Equal("release.not-in-review", Assert.Throws<Refusal>(() => ReleaseWorkflow.Approve(Drafted(), By("reviewer"))).Code);
        var published = PressRelease.Evolve(Approved(), ReleaseWorkflow.Publish(Approved(), null, null, By("r"))[0]);
        Assert.Equal("release.already-published", Assert.Throws<Refusal>(() => ReleaseWorkflow.Publish(published, null, null, By("r"))).Code);
    }

    [Fact]
    public void A_reviewer_sends_a_release_back_to_draft_and_an_unchanged_revision_records_nothing()
    {
        var back = ReleaseWorkflow.SendBack(InReview(), "Perbaiki judul", By("reviewer")).Aggregate(InReview(), PressRelease.Evolve);
        Assert.Equal(ReleaseStatus.Draft, back.Status);
        Assert.Empty(ReleaseWorkflow.Revise(back, back.Content));
        Assert.Single(ReleaseWorkflow.Revise(back, back.Content with { Headline = "Judul baru" }));
    }

    [Fact]
    public void An_embargoed_release_is_not_public_until_the_timer_lifts_it_at_its_time()
    {
        var embargo = Now.AddHours(2);
        var state = PressRelease.Evolve(Approved(), ReleaseWorkflow.Publish(Approved(), null, embargo, By("reviewer"))[0]);
        Assert.True(state.IsUnderEmbargo);
        Assert.False(state.IsPublic);

        Assert.Empty(ReleaseTimers.Decide(state, embargo.AddSeconds(-1)));
        var lifted = Assert.IsType<PressReleaseEmbargoLifted>(Assert.Single(ReleaseTimers.Decide(state, embargo)));
        state = PressRelease.Evolve(state, lifted);
        Assert.True(state.IsPublic);
        Assert.False(state.IsUnderEmbargo);
        Assert.Empty(ReleaseTimers.Decide(state, embargo.AddHours(1)));
    }

    [Fact]
    public void A_scheduled_release_is_published_by_the_timer_at_its_time_and_not_before()
    {
        var at = Now.AddDays(1);
        var state = PressRelease.Evolve(Approved(), Assert.IsType<PressReleaseScheduled>(Assert.Single(ReleaseWorkflow.Publish(Approved(), at, null, By("reviewer")))));
        Assert.Equal(ReleaseStatus.Scheduled, state.Status);
        Assert.False(state.IsPublic);
        Assert.Empty(ReleaseTimers.Decide(state, at.AddMinutes(-1)));
        state = PressRelease.Evolve(state, Assert.IsType<PressReleasePublishedInternally>(Assert.Single(ReleaseTimers.Decide(state, at))));
        Assert.True(state.IsPublic);
    }

    [Fact]
    public void Publication_and_embargo_times_must_lie_ahead()
    {
        Assert.Equal(["publishAt"], ReleaseWorkflow.ValidatePublish(new(Now.AddMinutes(-1), null), Now).Keys);
        Assert.Equal(["embargoUntil"], ReleaseWorkflow.ValidatePublish(new(null, Now.AddMinutes(-1)), Now).Keys);
        Assert.Equal(["embargoUntil"], ReleaseWorkflow.ValidatePublish(new(Now.AddHours(2), Now.AddHours(1)), Now).Keys);
        Assert.True(ReleaseWorkflow.ValidatePublish(new(Now.AddHours(1), Now.AddHours(2)), Now).IsValid);
    }

    [Fact]
    public void Bad_content_is_refused_field_by_field()
    {
        var subjects = SubjectList.Load();
        Assert.True(ValidBody().ValidateContent(subjects).IsValid);
        var bad = ValidBody() with { Headline = " ", Language = "fr", Subjects = ["sepak-bola"], ContactPhone = null, ContactEmail = "no-at-sign" };
        Assert.Equal(new[] { "contactEmail", "headline", "language", "subjects" }, bad.ValidateContent(subjects).Keys.Order());
        Assert.Contains("contactPhone", (ValidBody() with { ContactPhone = " " }).ValidateContent(subjects).Keys);
    }

    [Fact]
    public void Markdown_is_rendered_without_raw_html_or_script()
    {
        var html = new MarkdownRenderer().ToSafeHtml("**Tebal** <script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))");
        Assert.Contains("<strong>Tebal</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
    }

    private static PressRelease Published(DateTimeOffset? embargo = null) =>
        PressRelease.Evolve(Approved(), ReleaseWorkflow.Publish(Approved(), null, embargo, By("reviewer"))[0]);

    [Fact]
    public void A_correction_is_a_new_version_with_its_note_and_the_history_stays()
    {
        var state = Published();
        var content = state.Content with { Headline = "Judul yang dikoreksi" };
        var corrected = Assert.IsType<PressReleaseCorrected>(Assert.Single(CorrectingAndWithdrawing.Correct(state, content, "Salah tanggal", By("officer", Now.AddHours(1)))));
        Assert.Equal(2, corrected.Version);
        Assert.True(corrected.Public);
        state = PressRelease.Evolve(state, corrected);
        Assert.Equal(2, state.CurrentVersion);
        Assert.Equal("Judul yang dikoreksi", state.Content.Headline);
        Assert.Equal(["KPU Jawa Tengah menetapkan DPT", "Judul yang dikoreksi"], state.Versions.Select(v => v.Content.Headline));
        Assert.Equal("Salah tanggal", state.Versions[^1].CorrectionNote);
        Assert.Equal("release.correction-unchanged", Assert.Throws<Refusal>(() => CorrectingAndWithdrawing.Correct(state, state.Content, "x", By("o"))).Code);
        Assert.Equal("release.not-published", Assert.Throws<Refusal>(() => CorrectingAndWithdrawing.Correct(Approved(), content, "x", By("o"))).Code);
    }

    [Fact]
    public void A_withdrawn_release_keeps_answering_with_its_notice_and_is_not_corrected_again()
    {
        var state = Published();
        var withdrawn = Assert.IsType<PressReleaseWithdrawn>(Assert.Single(CorrectingAndWithdrawing.Withdraw(state, "Ditarik karena keliru", By("officer"))));
        Assert.True(withdrawn.WasPublic);
        state = PressRelease.Evolve(state, withdrawn);
        Assert.False(state.IsPublic);
        Assert.True(state.IsWithdrawnPublicly);
        Assert.Equal("Ditarik karena keliru", state.WithdrawalNotice);
        Assert.Empty(CorrectingAndWithdrawing.Withdraw(state, "lagi", By("officer")));
        Assert.Equal("release.withdrawn", Assert.Throws<Refusal>(() => CorrectingAndWithdrawing.Correct(state, state.Content with { Headline = "B" }, "x", By("o"))).Code);
        Assert.Equal("release.not-published", Assert.Throws<Refusal>(() => CorrectingAndWithdrawing.Withdraw(Drafted(), "x", By("o"))).Code);
    }

    [Fact]
    public void A_release_withdrawn_under_embargo_never_becomes_public()
    {
        var state = Published(Now.AddHours(2));
        var withdrawn = Assert.IsType<PressReleaseWithdrawn>(Assert.Single(CorrectingAndWithdrawing.Withdraw(state, "Batal", By("officer"))));
        Assert.False(withdrawn.WasPublic);
        state = PressRelease.Evolve(state, withdrawn);
        Assert.False(state.IsWithdrawnPublicly);
        Assert.Empty(ReleaseTimers.Decide(state, Now.AddHours(3)));
    }
}
