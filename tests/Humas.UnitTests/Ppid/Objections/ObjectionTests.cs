using Humas.ServiceDefaults.Problems;
using Humas.Ppid.Objections;
using Humas.Ppid.Objections.DecidingObjection;
using Humas.Ppid.Objections.FilingObjection;
using Humas.Ppid.Objections.RecordingDispute;
using Humas.Ppid.Requests;

namespace Humas.UnitTests.Ppid.Objections;

public sealed class ObjectionTests
{
    private static readonly InformationRequest Refused = Given.Request(Given.Answered(AnswerOutcome.Refused, exemption: Exemption.H));

    private static ObjectionFiled File(int year, int month, int day, DateOnly? arose = null, bool undecided = false) =>
        FileObjection.Decide(Refused, new FileObjection.Body([ObjectionGround.RefusedUnderExemption], "Informasi ini terbuka", arose), undecided,
            Guid.NewGuid(), "KPU-33.21-KEB-2026-00001", Given.At(year, month, day));

    private static Objection Filed(params object[] later) => later.Prepend(File(2026, 1, 12)).Aggregate(Objection.Initial, Objection.Evolve);

    [Fact]
    public void Given_a_refused_request_when_the_requester_objects_in_time_then_the_objection_gets_30_working_days_for_a_decision()
    {
        var filed = File(2026, 1, 12, arose: new DateOnly(2026, 1, 5));

        Assert.Equal(new DateOnly(2026, 1, 12), filed.DayZero);
        // 30 working days after Mon 12 Jan 2026, skipping 16 Jan (Isra Mikraj), 16 Feb (cuti bersama) and 17 Feb (Imlek).
        Assert.Equal(new DateOnly(2026, 2, 26), filed.DecisionDueDate);
        Assert.Equal([ObjectionGround.RefusedUnderExemption], filed.Grounds);
    }

    [Fact]
    public void Given_grounds_that_arose_more_than_30_working_days_ago_then_the_objection_is_refused() =>
        Refusals.Conflict(() => File(2026, 3, 2, arose: new DateOnly(2026, 1, 5)));

    [Fact]
    public void Given_an_undecided_objection_when_another_is_filed_then_it_is_refused() =>
        Refusals.Conflict(() => File(2026, 1, 12, undecided: true));

    [Fact]
    public void Given_no_grounds_then_the_objection_is_refused_naming_the_field() =>
        Assert.Equal("grounds", Refusals.Invalid(() => FileObjection.Decide(Refused, new FileObjection.Body([], "x", null), false,
            Guid.NewGuid(), "N", Given.At(2026, 1, 12))).Field);

    [Fact]
    public void Given_grounds_dated_before_the_request_then_the_objection_is_refused() =>
        Assert.Equal("groundsAroseOn", Refusals.Invalid(() => File(2026, 1, 12, arose: new DateOnly(2025, 12, 1))).Field);

    [Theory]
    [InlineData(ObjectionDecision.Accepted)]
    [InlineData(ObjectionDecision.Rejected)]
    public void Given_a_filed_objection_when_the_superior_decides_in_time_then_the_dispute_period_of_14_working_days_starts(ObjectionDecision decision)
    {
        var decided = Assert.IsType<ObjectionDecided>(DecideObjection.Decide(Filed(), new DecideObjection.Body(decision, "Alasan tertulis"), Given.At(2026, 2, 2)).Single());

        Assert.Equal(decision, decided.Decision);
        Assert.False(decided.Late);
        Assert.Equal(new DateOnly(2026, 2, 24), decided.DisputeFilingDueDate); // 14 working days after 2 Feb, skipping 16-17 Feb
    }

    [Fact]
    public void Given_a_decision_after_the_deadline_then_it_is_marked_late() =>
        Assert.True(Assert.IsType<ObjectionDecided>(DecideObjection.Decide(Filed(), new DecideObjection.Body(ObjectionDecision.Rejected, "x"), Given.At(2026, 2, 27)).Single()).Late);

    [Fact]
    public void Given_a_decided_objection_then_it_cannot_be_decided_again_and_a_decision_needs_reasons()
    {
        var decided = Filed(new ObjectionDecided(ObjectionDecision.Rejected, "x", "sup", Given.At(2026, 2, 2).Now, false, new DateOnly(2026, 2, 20)));
        Refusals.Conflict(() => DecideObjection.Decide(decided, new DecideObjection.Body(ObjectionDecision.Accepted, "y"), Given.At(2026, 2, 3)));
        Assert.Equal("reasons", Refusals.Invalid(() => DecideObjection.Decide(Filed(), new DecideObjection.Body(ObjectionDecision.Accepted, ""), Given.At(2026, 2, 3))).Field);
    }

    [Fact]
    public void Given_an_undecided_objection_before_its_deadline_then_no_dispute_can_be_recorded_but_after_it_one_can() =>
        Assert.Multiple(
            () => Refusals.Conflict(() => RecordDispute.Decide(Filed(), new RecordDispute.Body(null, false), Given.At(2026, 2, 2))),
            () => Assert.IsType<DisputeFiled>(RecordDispute.Decide(Filed(), new RecordDispute.Body("KI-2026-1", false), Given.At(2026, 2, 27)).Single()));

    [Fact]
    public void Given_a_dispute_on_election_information_then_the_commission_has_14_working_days_instead_of_100()
    {
        var decided = Filed(new ObjectionDecided(ObjectionDecision.Rejected, "x", "sup", Given.At(2026, 2, 2).Now, false, new DateOnly(2026, 2, 20)));

        var election = Assert.IsType<DisputeFiled>(RecordDispute.Decide(decided, new RecordDispute.Body(null, true), Given.At(2026, 2, 3)).Single());
        var ordinary = Assert.IsType<DisputeFiled>(RecordDispute.Decide(decided, new RecordDispute.Body(null, false), Given.At(2026, 2, 3)).Single());

        Assert.Equal(new DateOnly(2026, 2, 25), election.SettlementDueDate);
        Assert.True(ordinary.SettlementDueDate > election.SettlementDueDate.AddMonths(3));
        Refusals.Conflict(() => RecordDispute.Decide(Filed(new ObjectionDecided(ObjectionDecision.Rejected, "x", "sup", Given.At(2026, 2, 2).Now, false, new DateOnly(2026, 2, 20)), election),
            new RecordDispute.Body(null, true), Given.At(2026, 2, 4)));
    }
}
