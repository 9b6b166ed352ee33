using Humas.Calendar.Elections;
using Humas.Calendar.Elections.AddingElection;
using Humas.Calendar.Elections.AddingStage;
using Humas.Calendar.Elections.CorrectingStage;

namespace Humas.UnitTests.Calendar;

/// <summary>Election timelines: the shipped data, an administrator adding an election and stages, and corrections that keep the old dates.</summary>
public class ElectionTests
{
    private static readonly IReadOnlyList<ElectionAdded> Shipped = ElectionData.LoadShipped();

    private static Election Pemilu2024() => Election.Evolve(Election.Initial, Shipped.Single(e => e.ElectionId == "pemilu-2024"));

    [Fact]
    public void Pemilu_2024_and_Pilkada_2024_ship_with_their_regulation_and_every_stage_dated_and_sourced()
    {
        Assert.Equal(["pemilu-2024", "pilkada-2024"], Shipped.Select(e => e.ElectionId));
        Assert.Contains("3 Tahun 2022", Shipped[0].Source);
        Assert.Contains("2 Tahun 2024", Shipped[1].Source);
        foreach (var stage in Shipped.SelectMany(e => e.Stages))
        {
            Assert.True(stage.End >= stage.Start, stage.StageId);
            Assert.False(string.IsNullOrWhiteSpace(stage.Source), stage.StageId);
        }
        Assert.Equal(new DateOnly(2024, 2, 14), Pemilu2024().StageOf("voting")!.Start);
        Assert.Equal(new DateOnly(2024, 11, 27), Election.Evolve(Election.Initial, Shipped[1]).StageOf("voting")!.Start);
        Assert.Equal((new DateOnly(2023, 11, 28), new DateOnly(2024, 2, 10)), (Pemilu2024().StageOf("campaign")!.Start, Pemilu2024().StageOf("campaign")!.End));
    }

    private static AddElection.Body Pemilu2029(params StageBody[] stages) =>
        new("pemilu-2029", "Pemilihan Umum 2029", null, "PKPU (belum terbit)",
            stages.Length > 0 ? stages : [new StageBody("voting", "Pemungutan suara", "Voting day", new(2029, 2, 14), new(2029, 2, 14), null)]);

    [Fact]
    public void An_administrator_adds_an_election_with_its_stages_and_an_existing_one_is_refused()
    {
        Assert.True(AddElection.Validate(Pemilu2029()).IsValid);
        var added = AddElection.Decide(Pemilu2029(), exists: false);
        Assert.Equal(("pemilu-2029", "Pemilihan Umum 2029"), (added.ElectionId, added.NameEn));
        Assert.Equal("election.exists", Refusals.Conflict(() => AddElection.Decide(Pemilu2029(), exists: true)).Code);
    }

    [Fact]
    public void A_bad_election_names_every_field_at_fault()
    {
        var errors = AddElection.Validate(new AddElection.Body("Pemilu 2029", "", null, null,
            [new StageBody("voting", "Pemungutan suara", null, new(2029, 2, 14), new(2029, 2, 13), null), new StageBody("voting", "x", null, null, new(1990, 1, 1), null)]));
        Assert.Equal(["electionId", "nameId", "source", "stages[0].end", "stages[1].start", "stages[1].end", "stages"], errors.Keys);
        Assert.Equal("stages", AddElection.Validate(new AddElection.Body("pemilu-2029", "P", null, "S", [])).Keys.Single());
    }

    [Fact]
    public void A_stage_is_added_once()
    {
        var stage = new StageBody("inauguration", "Pelantikan", null, new(2029, 10, 20), new(2029, 10, 20), "Keppres");
        var added = Assert.IsType<StageAdded>(Assert.Single(AddStage.Decide(Pemilu2024(), stage)));
        Assert.Equal("pemilu-2024", added.ElectionId);
        Assert.Equal("election.stage.exists", Refusals.Conflict(() => AddStage.Decide(Pemilu2024(), stage with { StageId = "voting" })).Code);
    }

    [Fact]
    public void A_correction_keeps_the_previous_dates_and_the_same_dates_again_change_nothing()
    {
        var body = new CorrectStageDates.Body(new(2024, 2, 15), new(2024, 3, 22), "Putusan perpanjangan rekapitulasi", "Keputusan KPU");
        var corrected = Assert.IsType<StageDatesCorrected>(Assert.Single(CorrectStageDates.Decide(Pemilu2024(), "recapitulation", body)));
        Assert.Equal((new DateOnly(2024, 2, 15), new DateOnly(2024, 3, 20), new DateOnly(2024, 3, 22)), (corrected.PreviousStart, corrected.PreviousEnd, corrected.End));
        var after = Election.Evolve(Pemilu2024(), corrected);
        Assert.Equal(new DateOnly(2024, 3, 22), after.StageOf("recapitulation")!.End);
        Assert.Equal("Keputusan KPU", after.StageOf("recapitulation")!.Source);
        Assert.Empty(CorrectStageDates.Decide(after, "recapitulation", body));
        Assert.Equal(404, Assert.Throws<Humas.ServiceDefaults.Problems.Refusal>(() => CorrectStageDates.Decide(Pemilu2024(), "nope", body)).Status);
        Assert.Equal(["end", "reason"], CorrectStageDates.Validate(new(new(2024, 3, 1), new(2024, 2, 1), " ", null)).Keys);
    }
}
