using Humas.Clarifications.Contracts;
using Humas.MediaRelations.OfficialStatements;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;

namespace Humas.UnitTests.MediaRelations;

public sealed class OfficialStatementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly UnitDirectory Units = UnitDirectory.Load();

    private static ClarificationPublished Clarification(bool massMedia, string unit = "kpu-33") => new(
        Guid.Parse("0195a000-0000-7000-8000-0000000000c1"), "KLR-1", 1, unit, "hoaks", "Judul klarifikasi", "Klaim yang beredar", Now, "https://kpu.example.org/k/1",
        false, null, new ClarificationReach(10, 100, massMedia ? ["Harian A", "Radio B"] : [], massMedia));

    [Fact]
    public void Mass_media_reach_opens_a_draft_linked_to_the_clarification_under_a_stable_id()
    {
        var drafted = OfficialStatements.Decide(Clarification(massMedia: true), Units, Now)!;
        Assert.Equal(Clarification(true).ClarificationId, drafted.ClarificationId);
        Assert.Equal(OfficialStatements.ReleaseIdFor(drafted.ClarificationId!.Value), drafted.ReleaseId);
        Assert.Equal(drafted.ReleaseId, OfficialStatements.Decide(Clarification(massMedia: true), Units, Now.AddDays(1))!.ReleaseId);
        Assert.Equal(["klarifikasi"], drafted.Content.Subjects);
        Assert.Contains("Harian A, Radio B", drafted.Content.BodyMarkdown);
        Assert.Equal(ReleaseStatus.Draft, PressRelease.Evolve(PressRelease.Initial, drafted).Status);
    }

    [Fact]
    public void No_mass_media_reach_or_an_unknown_unit_opens_nothing()
    {
        Assert.Null(OfficialStatements.Decide(Clarification(massMedia: false), Units, Now));
        Assert.Null(OfficialStatements.Decide(Clarification(massMedia: true, unit: "kpu-99"), Units, Now));
    }

    [Fact]
    public void A_correction_published_again_drafts_under_the_same_id_and_a_retraction_drafts_nothing()
    {
        var corrected = Clarification(massMedia: true) with { Version = 2, CorrectionNote = "Tanggal diperbaiki." };
        Assert.Equal(OfficialStatements.Decide(Clarification(massMedia: true), Units, Now)!.ReleaseId, OfficialStatements.Decide(corrected, Units, Now)!.ReleaseId);
        Assert.Null(OfficialStatements.Decide(Clarification(massMedia: true) with { Retracted = true, RetractionReason = "Keliru." }, Units, Now));
    }

    [Fact]
    public void The_officer_who_submits_a_statement_the_service_drafted_does_not_approve_it()
    {
        var state = PressRelease.Evolve(PressRelease.Initial, OfficialStatements.Decide(Clarification(massMedia: true), Units, Now)!);
        state = ReleaseWorkflow.Submit(state, new ReleaseContext(Now, "officer-a")).Aggregate(state, PressRelease.Evolve);
        var refusal = Assert.Throws<Refusal>(() => ReleaseWorkflow.Approve(state, new ReleaseContext(Now, "officer-a")));
        Assert.Equal("release.four-eyes", refusal.Code);
        Assert.Single(ReleaseWorkflow.Approve(state, new ReleaseContext(Now, "officer-b")));
    }
}

public sealed class AttachmentSniffingTests
{
    [Theory]
    [InlineData("255044462D312E340A", "application/pdf")]
    [InlineData("89504E470D0A1A0A0000000D", "image/png")]
    [InlineData("FFD8FFE000104A464946", "image/jpeg")]
    [InlineData("3C68746D6C3E", null)]
    [InlineData("474946383961", null)]
    [InlineData("", null)]
    public void Types_are_recognised_by_their_first_bytes(string hex, string? type) =>
        Assert.Equal(type, Humas.MediaRelations.PressReleases.Attachments.Sniff(Convert.FromHexString(hex)));

    [Fact]
    public void Only_a_draft_takes_attachments_and_the_same_file_twice_changes_nothing()
    {
        var now = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var state = PressRelease.Evolve(PressRelease.Initial, ReleaseWorkflow.Draft(ReleaseWorkflowTests.ValidBody(), id, "author", now));
        var file = new ReleaseAttachment(Guid.NewGuid(), "a.pdf", "application/pdf", 10, "abc");
        var context = new ReleaseContext(now, "author");
        state = Humas.MediaRelations.PressReleases.Attachments.Add(state, file, context).Aggregate(state, PressRelease.Evolve);
        Assert.Single(state.Attachments);
        Assert.Empty(Humas.MediaRelations.PressReleases.Attachments.Add(state, file with { AttachmentId = Guid.NewGuid() }, context));
        state = PressRelease.Evolve(state, new PressReleaseSubmitted(id, "author", now));
        Assert.Equal("release.not-a-draft", Refusals.Conflict(() => Humas.MediaRelations.PressReleases.Attachments.Add(state, file with { Sha256 = "def" }, context)).Code);
    }
}
