using Humas.ServiceDefaults.Problems;
using Humas.Ppid.InformationList;
using Humas.Ppid.InformationList.PublishingEntry;
using Humas.Ppid.InformationList.RecordingExemption;
using Humas.Ppid.InformationList.WithdrawingEntry;
using static Humas.UnitTests.Ppid.InformationList.Entries;
using static Humas.UnitTests.Ppid.InformationList.ReviseEntryTests;

namespace Humas.UnitTests.Ppid.InformationList;

/// <summary>Publishing, recording as exempt and withdrawing: every transition and every refusal.</summary>
public sealed class ListingTransitionsTests
{
    [Fact]
    public void Given_a_public_draft_when_it_is_published_then_the_event_says_what_went_public_and_where()
    {
        var published = Assert.IsType<InformationEntryPublished>(Assert.Single(
            PublishEntry.Decide(DraftOf(Public(InformationCategory.SertaMerta)), " https://jdih.kpu.go.id/laporan.pdf ", Now)));

        Assert.Equal(new InformationEntryPublished(Id, "kpu-33.21", "Laporan keuangan 2025", InformationCategory.SertaMerta, Now, "https://jdih.kpu.go.id/laporan.pdf"), published);
        var after = Given(Drafted(Public()), published);
        Assert.Equal((EntryStatus.Published, Now, "https://jdih.kpu.go.id/laporan.pdf"), (after.Status, after.ListedAt, after.Url));
    }

    [Fact]
    public void Given_a_public_draft_when_it_is_published_without_a_document_address_then_the_url_is_absent() =>
        Assert.Null(Assert.IsType<InformationEntryPublished>(Assert.Single(PublishEntry.Decide(DraftOf(Public()), "  ", Now))).Url);

    [Fact]
    public void Given_a_published_entry_when_it_is_published_again_then_it_is_refused() =>
        AssertRefused("entry.already-published", () => PublishEntry.Decide(PublishedEntry(), null, Now));

    [Fact]
    public void Given_an_exempt_draft_when_it_is_published_then_it_is_refused() =>
        AssertRefused("entry.exempt-not-publishable", () => PublishEntry.Decide(DraftOf(Exempt()), null, Now));

    [Fact]
    public void Given_a_recorded_exempt_entry_when_it_is_published_then_it_is_refused() =>
        AssertRefused("entry.exempt-not-publishable", () => PublishEntry.Decide(RecordedExempt(), null, Now));

    [Fact]
    public void Given_a_withdrawn_entry_when_it_is_published_then_it_is_refused() =>
        AssertRefused("entry.withdrawn", () => PublishEntry.Decide(Withdrawn(DraftOf(Public())), null, Now));

    [Theory]
    [InlineData("ftp://kpu.go.id/a.pdf")]
    [InlineData("/dokumen/a.pdf")]
    [InlineData("bukan alamat")]
    public void Given_a_document_address_that_is_not_an_absolute_web_address_then_it_is_refused(string url) =>
        Assert.Equal(["url"], PublishEntry.Validate(new PublishEntry.Body(url)).Keys);

    [Fact]
    public void Given_no_body_or_no_address_then_publishing_needs_nothing_more()
    {
        Assert.Empty(PublishEntry.Validate(null));
        Assert.Empty(PublishEntry.Validate(new PublishEntry.Body(null)));
    }

    [Fact]
    public void Given_an_exempt_draft_when_its_exemption_is_recorded_then_it_is_listed_as_exempt()
    {
        var recorded = Assert.IsType<InformationEntryRecordedAsExempt>(Assert.Single(RecordExemption.Decide(DraftOf(Exempt()), Now)));

        Assert.Equal(new InformationEntryRecordedAsExempt(Id, "kpu-33.21", Now), recorded);
        var after = Given(Drafted(Exempt()), recorded);
        Assert.Equal((EntryStatus.RecordedAsExempt, Now, (string?)null), (after.Status, after.ListedAt, after.Url));
    }

    [Fact]
    public void Given_a_recorded_exempt_entry_when_it_is_recorded_again_then_it_is_refused() =>
        AssertRefused("entry.already-recorded", () => RecordExemption.Decide(RecordedExempt(), Now));

    [Fact]
    public void Given_a_public_draft_when_it_is_recorded_as_exempt_then_it_is_refused() =>
        AssertRefused("entry.not-exempt", () => RecordExemption.Decide(DraftOf(Public()), Now));

    [Fact]
    public void Given_a_published_entry_when_it_is_recorded_as_exempt_then_it_is_refused() =>
        AssertRefused("entry.not-exempt", () => RecordExemption.Decide(PublishedEntry(), Now));

    [Fact]
    public void Given_a_withdrawn_exempt_entry_when_it_is_recorded_then_it_is_refused() =>
        AssertRefused("entry.withdrawn", () => RecordExemption.Decide(Withdrawn(DraftOf(Exempt())), Now));

    public static TheoryData<string> Withdrawable => ["draft", "published", "recorded-as-exempt"];

    [Theory]
    [MemberData(nameof(Withdrawable))]
    public void Given_an_entry_in_any_live_state_when_it_is_withdrawn_with_a_reason_then_it_leaves_the_list(string state)
    {
        var entry = state switch { "draft" => DraftOf(Public()), "published" => PublishedEntry(), _ => RecordedExempt() };

        var withdrawn = Assert.IsType<InformationEntryWithdrawn>(Assert.Single(WithdrawEntry.Decide(entry, "  Diganti dokumen revisi ", Now)));

        Assert.Equal(new InformationEntryWithdrawn(Id, "Diganti dokumen revisi", Now), withdrawn);
        Assert.Equal(EntryStatus.Withdrawn, InformationEntry.Evolve(entry, withdrawn).Status);
    }

    [Fact]
    public void Given_a_withdrawn_entry_when_it_is_withdrawn_again_then_it_is_refused() =>
        AssertRefused("entry.already-withdrawn", () => WithdrawEntry.Decide(Withdrawn(PublishedEntry()), "lagi", Now));

    [Fact]
    public void Withdrawing_needs_a_reason()
    {
        Assert.Equal(["reason"], WithdrawEntry.Validate(null).Keys);
        Assert.Equal(["reason"], WithdrawEntry.Validate(new WithdrawEntry.Body(" ")).Keys);
        Assert.Equal(["reason"], WithdrawEntry.Validate(new WithdrawEntry.Body(new string('x', 2001))).Keys);
        Assert.Empty(WithdrawEntry.Validate(new WithdrawEntry.Body("Dokumen diganti")));
    }
}
