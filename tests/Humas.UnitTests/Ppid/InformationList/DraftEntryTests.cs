using Humas.Ppid.InformationList;
using Humas.Ppid.InformationList.DraftingEntry;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid.InformationList;

public sealed class DraftEntryTests
{
    private static readonly UnitDirectory Units = UnitDirectory.Load();

    [Fact]
    public void Given_a_complete_public_entry_then_validation_finds_nothing() => Assert.Empty(DraftEntry.Validate(Entries.Public(), Units, 2026));

    [Fact]
    public void Given_a_complete_exempt_entry_then_validation_finds_nothing() => Assert.Empty(DraftEntry.Validate(Entries.Exempt(), Units, 2026));

    [Fact]
    public void Given_an_empty_body_then_every_missing_field_is_named()
    {
        var errors = DraftEntry.Validate(new EntryBody(null, null, null, null, null, null, null, null, null, null), Units, 2026);

        Assert.Equal(["category", "formats", "responsibleOfficial", "retentionPeriod", "summary", "title", "unitId", "year"], errors.Keys.Order());
    }

    [Fact]
    public void Given_an_exempt_entry_without_its_ground_then_the_clause_and_the_consequence_test_are_asked_for()
    {
        var errors = DraftEntry.Validate(Entries.Exempt() with { ExemptionClause = " ", ConsequenceTest = null }, Units, 2026);

        Assert.Equal(["consequenceTest", "exemptionClause"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("k")]
    [InlineData("17")]
    [InlineData("ab")]
    public void Given_a_clause_outside_a_to_j_then_it_is_refused(string clause) =>
        Assert.Equal(["exemptionClause"], DraftEntry.Validate(Entries.Exempt(clause), Units, 2026).Keys);

    [Fact]
    public void Given_a_public_entry_with_an_exemption_then_both_exemption_fields_are_refused()
    {
        var body = Entries.Public() with { ExemptionClause = "a", ConsequenceTest = "..." };

        Assert.Equal(["consequenceTest", "exemptionClause"], DraftEntry.Validate(body, Units, 2026).Keys.Order());
    }

    [Theory]
    [InlineData(1944)]
    [InlineData(2028)]
    public void Given_an_implausible_year_then_it_is_refused(int year) =>
        Assert.Equal(["year"], DraftEntry.Validate(Entries.Public() with { Year = year }, Units, 2026).Keys);

    [Fact]
    public void Given_next_year_then_it_is_accepted_for_plans_published_ahead() =>
        Assert.Empty(DraftEntry.Validate(Entries.Public() with { Year = 2027 }, Units, 2026));

    [Fact]
    public void Given_an_unknown_unit_or_too_long_a_title_then_they_are_named() =>
        Assert.Equal(["title", "unitId"], DraftEntry.Validate(Entries.Public() with { UnitId = "kpu-99.99", Title = new string('x', 301) }, Units, 2026).Keys.Order());

    [Fact]
    public void Deciding_trims_the_text_orders_the_formats_once_each_and_keeps_no_exemption_for_public_information()
    {
        var body = Entries.Public() with { Title = "  Laporan  ", Formats = [DocumentFormat.Hardcopy, DocumentFormat.Softcopy, DocumentFormat.Hardcopy] };

        var drafted = DraftEntry.Decide(body, Entries.Id);

        Assert.Equal(Entries.Id, drafted.EntryId);
        Assert.Equal("kpu-33.21", drafted.UnitId);
        Assert.Equal("Laporan", drafted.Content.Title);
        Assert.Equal([DocumentFormat.Softcopy, DocumentFormat.Hardcopy], drafted.Content.Formats);
        Assert.Null(drafted.Content.Exemption);
    }

    [Fact]
    public void Deciding_an_exempt_entry_keeps_its_clause_in_lower_case_and_its_consequence_test()
    {
        var drafted = DraftEntry.Decide(Entries.Exempt(" H "), Entries.Id);

        Assert.Equal(new Exemption("h", Entries.Exempt().ConsequenceTest!), drafted.Content.Exemption);
        Assert.Equal(EntryStatus.Draft, Entries.Given(drafted).Status);
    }
}
