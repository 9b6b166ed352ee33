using Humas.ServiceDefaults.Problems;
using Humas.Ppid.InformationList;
using Humas.Ppid.InformationList.RevisingEntry;
using static Humas.UnitTests.Ppid.InformationList.Entries;

namespace Humas.UnitTests.Ppid.InformationList;

public sealed class ReviseEntryTests
{
    [Fact]
    public void Given_a_draft_when_its_summary_changes_then_it_is_revised_with_the_whole_new_content()
    {
        var body = Public() with { Summary = "Realisasi anggaran, dengan lampiran" };

        var revised = Assert.IsType<InformationEntryRevised>(Assert.Single(ReviseEntry.Decide(DraftOf(Public()), body)));

        Assert.Equal(body.ToContent(), revised.Content);
        Assert.Equal("Realisasi anggaran, dengan lampiran", Given(Drafted(Public()), revised).Content.Summary);
    }

    [Fact]
    public void Given_a_draft_when_the_same_content_is_sent_again_then_nothing_happens() =>
        Assert.Empty(ReviseEntry.Decide(DraftOf(Public()), Public() with { Title = " Laporan keuangan 2025 " }));

    [Fact]
    public void Given_a_public_draft_when_it_is_made_exempt_then_it_is_revised() =>
        Assert.True(Assert.IsType<InformationEntryRevised>(Assert.Single(ReviseEntry.Decide(DraftOf(Public()), Exempt()))).Content.IsExempt);

    [Fact]
    public void Given_a_published_entry_when_it_moves_to_another_public_category_then_it_is_revised_and_stays_published()
    {
        var events = ReviseEntry.Decide(PublishedEntry(), Public(InformationCategory.SetiapSaat));

        var after = Given([Drafted(Public()), new InformationEntryPublished(Id, "kpu-33.21", "t", InformationCategory.Berkala, Now, null), .. events]);
        Assert.Equal(InformationCategory.SetiapSaat, after.Content.Category);
        Assert.Equal(EntryStatus.Published, after.Status);
    }

    [Fact]
    public void Given_a_recorded_exempt_entry_when_its_consequence_test_is_rewritten_then_it_is_revised() =>
        Assert.Single(ReviseEntry.Decide(RecordedExempt(), Exempt() with { ConsequenceTest = "Uji konsekuensi yang diperbarui" }));

    [Fact]
    public void Given_a_published_entry_when_it_is_made_exempt_then_it_is_refused() =>
        AssertRefused("entry.published-cannot-become-exempt", () => ReviseEntry.Decide(PublishedEntry(), Exempt()));

    [Fact]
    public void Given_a_recorded_exempt_entry_when_it_is_made_public_then_it_is_refused() =>
        AssertRefused("entry.exempt-cannot-become-public", () => ReviseEntry.Decide(RecordedExempt(), Public()));

    [Fact]
    public void Given_a_withdrawn_entry_when_it_is_revised_then_it_is_refused() =>
        AssertRefused("entry.withdrawn", () => ReviseEntry.Decide(Withdrawn(DraftOf(Public())), Public() with { Summary = "baru" }));

    [Fact]
    public void Given_an_entry_when_the_revision_names_another_unit_then_it_is_refused() =>
        AssertRefused("entry.unit-cannot-change", () => ReviseEntry.Decide(DraftOf(Public()), Public() with { UnitId = "kpu-33.22" }));

    [Fact]
    public void Given_an_entry_when_the_revision_omits_the_unit_or_repeats_it_then_it_is_accepted()
    {
        var changed = Public() with { Summary = "baru" };
        Assert.Single(ReviseEntry.Decide(DraftOf(Public()), changed with { UnitId = null }));
        Assert.Single(ReviseEntry.Decide(DraftOf(Public()), changed with { UnitId = "KPU-33.21" }));
    }

    internal static void AssertRefused(string code, Func<IReadOnlyList<object>> decide) =>
        Assert.Equal(code, Assert.Throws<Refusal>(() => decide()).Code);
}
