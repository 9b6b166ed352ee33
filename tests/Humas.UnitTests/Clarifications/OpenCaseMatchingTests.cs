using Humas.Clarifications.Cases;
using Humas.Clarifications.Matching;
using Humas.Clarifications.Reports;

namespace Humas.UnitTests.Clarifications;

/// <summary>Matching at intake against the open cases of the unit (issue 9, point 2): the index, and the intake decision.</summary>
public class OpenCaseMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly ResponseTargets Targets = new();
    private static readonly MatchingSettings Settings = new();

    private const string Claim = "Kotak suara di gudang kecamatan Bayat dibuka paksa oleh orang tak dikenal pada malam sebelum rekapitulasi suara.";
    private const string Retold = "kotak suara digudang kec bayat udah dibuka paksa sama orang yg gak dikenal malam sebelum rekapitulasi suara";

    private static SubmitReport.Body Body(string claim = Retold) =>
        new("kpu-33.10", claim, "facebook", null, null, null, Now.AddHours(-2), new SubmitReport.ReachBody(10, 300, null), null);

    private static ClarificationCase OpenCase(string unitId = "kpu-33.10")
    {
        var (_, opened) = SubmitReport.Decide(Body(Claim) with { UnitId = unitId }, Guid.NewGuid(), "KPU-33.10-LAP-2026-00001", ReportChannel.Public, null, null,
            Guid.NewGuid(), null, null, "hash", Targets, Now.AddHours(-1));
        return ClarificationCase.Evolve(ClarificationCase.Initial, opened!);
    }

    private static MatchIndex IndexWith(params ClarificationCase[] cases)
    {
        var index = new MatchIndex();
        index.Upsert(new MatchCandidate("KPU-33.10-KLR-2026-00001", "[HOAKS] Tinta pemilu mengandung babi", "hoaks",
            "Tinta pemilu yang dipakai di TPS mengandung lemak babi sehingga haram dipakai."));
        foreach (var c in cases) index.Upsert(MatchIndexSync.OpenCase(c.Id, c.UnitId, c.Claim));
        return index;
    }

    [Fact]
    public void The_index_finds_an_open_case_of_the_unit_but_never_among_the_public_matches()
    {
        var open = OpenCase();
        var index = IndexWith(open, OpenCase("kpu-33.11"));

        var found = Assert.Single(index.SearchOpenCases(Retold, Settings, "kpu-33.10"));
        Assert.Equal(open.Id, found.CaseId);
        Assert.Equal(MatchTier.Confirmed, found.Match.Tier);
        Assert.Empty(index.Search(Retold, Settings));
        Assert.Empty(index.SearchOpenCases(Retold, Settings, "kpu-33.12"));

        index.Remove(MatchIndex.CaseKey(open.Id));
        Assert.Empty(index.SearchOpenCases(Retold, Settings, "kpu-33.10"));
    }

    private static SubmitReport.Intake Intake(SubmitReport.OpenCaseMatch? openCase, Match? published = null, string claim = Retold) =>
        SubmitReport.Decide(Body(claim), Guid.NewGuid(), "KPU-33.10-LAP-2026-00002", ReportChannel.Public, null, published, Guid.NewGuid(), null, null, "hash",
            Targets, Now, openCase);

    [Fact]
    public void A_report_confirmed_against_an_open_case_joins_it_and_opens_none()
    {
        var open = OpenCase();
        var intake = Intake(new(open, new Match(MatchIndex.CaseKey(open.Id), "", "", 0.8, MatchTier.Confirmed)));

        Assert.Null(intake.Opened);
        Assert.Equal(open.Id, intake.Report.CaseId);
        Assert.Null(intake.Report.LinkedNumber);
        var attached = Assert.IsType<CaseReportAttached>(Assert.Single(intake.Joined));
        Assert.Equal("KPU-33.10-LAP-2026-00002", attached.ReportNumber);
        var joined = ClarificationCase.Evolve(open, attached);
        Assert.Equal(2, joined.ReportNumbers.Count);
    }

    [Fact]
    public void A_report_suggested_against_an_open_case_opens_its_own_case_naming_the_similar_one()
    {
        var open = OpenCase();
        var intake = Intake(new(open, new Match(MatchIndex.CaseKey(open.Id), "", "", 0.4, MatchTier.Suggested)));

        Assert.Empty(intake.Joined);
        var state = ClarificationCase.Evolve(ClarificationCase.Initial, intake.Opened!);
        Assert.Equal(new SimilarCase(open.Id, 0.4), state.Similar);
        Assert.Equal(intake.Opened!.CaseId, intake.Report.CaseId);
    }

    [Fact]
    public void A_case_no_longer_open_is_only_named_and_a_confirmed_clarification_comes_before_any_case()
    {
        var open = OpenCase();
        var merged = ClarificationCase.Evolve(open, new CaseMerged(Guid.NewGuid(), "officer", Now));
        var confirmed = new Match(MatchIndex.CaseKey(open.Id), "", "", 0.9, MatchTier.Confirmed);
        var late = Intake(new(merged, confirmed));
        Assert.Empty(late.Joined);
        Assert.Equal(open.Id, late.Opened!.Similar!.CaseId);

        var clarification = new Match("KPU-33.10-KLR-2026-00001", "[HOAKS] x", "hoaks", 0.9, MatchTier.Confirmed);
        var answered = Intake(new(open, confirmed), clarification);
        Assert.Empty(answered.Joined);
        Assert.Null(answered.Opened);
        Assert.Null(answered.Report.CaseId);
        Assert.Equal("KPU-33.10-KLR-2026-00001", answered.Report.LinkedNumber);
    }
}
