using Humas.ServiceDefaults.Http;
using Humas.Eventing.Store;
using Humas.Ppid.Contracts;
using Humas.Ppid.InformationList;
using Humas.Ppid.InformationList.ListingEntries;
using Humas.ReferenceData;
using static Humas.UnitTests.Ppid.InformationList.Entries;

namespace Humas.UnitTests.Ppid.InformationList;

/// <summary>What leaves the service, how names read, and the public list's query.</summary>
public sealed class InformationListContractTests
{
    private static RecordedEvent Recorded(object data) => new(1, Guid.NewGuid(), InformationEntry.StreamId(Id), 2, "x", data, EventMetadata.Empty, Now);

    [Fact]
    public void Publishing_is_told_to_other_services_with_the_category_as_it_reads_in_the_api()
    {
        var published = new InformationEntryPublished(Id, "kpu-33.21", "Peringatan dini banjir di TPS", InformationCategory.SertaMerta, Now, "https://kpu.go.id/x");

        var message = Assert.IsType<InformationPublished>(Assert.Single(new InformationListIntegrationEvents().Translate(Recorded(published))));

        Assert.Equal(new InformationPublished
        {
            EntryId = Id, UnitId = "kpu-33.21", Title = "Peringatan dini banjir di TPS", Category = "serta-merta", PublishedAt = Now, Url = "https://kpu.go.id/x",
        }, message);
    }

    [Fact]
    public void Drafts_revisions_exemptions_and_withdrawals_stay_inside_the_service()
    {
        var translator = new InformationListIntegrationEvents();
        object[] inside = [Drafted(Exempt()), new InformationEntryRevised(Id, Public().ToContent()), new InformationEntryRecordedAsExempt(Id, "kpu-33.21", Now),
            new InformationEntryWithdrawn(Id, "x", Now)];

        Assert.All(inside, e => Assert.Empty(translator.Translate(Recorded(e))));
    }

    [Fact]
    public void Stream_ids_are_dip_and_the_entry_id() => Assert.Equal($"dip-{Id}", InformationEntry.StreamId(Id));

    [Theory]
    [InlineData(InformationCategory.Berkala, "berkala")]
    [InlineData(InformationCategory.SertaMerta, "serta-merta")]
    [InlineData(InformationCategory.SetiapSaat, "setiap-saat")]
    [InlineData(InformationCategory.Dikecualikan, "dikecualikan")]
    public void Categories_read_in_kebab_case_both_ways(InformationCategory category, string name)
    {
        Assert.Equal(name, KebabNames.Of(category));
        Assert.Equal(category, KebabNames.Parse<InformationCategory>(name.ToUpperInvariant()));
    }

    [Fact]
    public void The_events_serialize_the_category_as_the_api_reads_it_and_not_the_derived_flag()
    {
        var json = EventSerializer.Serialize(Drafted(Exempt()));

        Assert.Contains("\"category\":\"dikecualikan\"", json);
        Assert.DoesNotContain("isExempt", json);
        Assert.Equal(Drafted(Exempt()).Content, ((InformationEntryDrafted)EventSerializer.Deserialize(json, typeof(InformationEntryDrafted))).Content);
    }

    [Fact]
    public void Pasal_17_has_exactly_the_clauses_a_to_j_each_with_its_legal_basis()
    {
        Assert.Equal("abcdefghij".Select(c => c.ToString()), Pasal17Exemptions.ByClause.Keys.Order());
        Assert.Equal("UU 14/2008 Pasal 17 huruf h", Pasal17Exemptions.ByClause["H"].LegalBasis);
    }

    [Fact]
    public void The_public_list_needs_a_known_unit_and_a_known_category()
    {
        var units = UnitDirectory.Load();
        Assert.Empty(ListEntries.Validate("kpu-33.21", "serta-merta", units));
        Assert.Empty(ListEntries.Validate("kpu-33.21", null, units));
        Assert.Equal(["category", "unitId"], ListEntries.Validate(null, "rahasia", units).Keys.Order());
        Assert.Equal(["unitId"], ListEntries.Validate("kpu-99.99", null, units).Keys);
    }
}
