using Humas.ServiceDefaults.Problems;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests;
using Humas.Ppid.Requests.AnsweringRequest;
using Humas.Ppid.Requests.ClarifyingRequest;
using Humas.Ppid.Requests.DetectingOverdue;
using Humas.Ppid.Requests.ErasingRequester;
using Humas.Ppid.Requests.ExtendingDeadline;
using Humas.Ppid.Requests.RoutingRequest;
using Humas.Ppid.Requests.WithdrawingRequest;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid.Requests;

public sealed class RequestLifecycleTests
{
    private static readonly UnitDirectory Units = UnitDirectory.Load();
    private static readonly DecisionContext BeforeDue = Given.At(2026, 1, 5);
    private static readonly DecisionContext AfterDue = Given.At(2026, 1, 9);

    private static AnswerRequest.Body Answer(AnswerOutcome outcome, Exemption? exemption = null, string? test = null, IReadOnlyList<AnswerRequest.WithheldPartBody>? parts = null) =>
        new(outcome, "Informasi diberikan", parts, exemption, test, DeliveryMethod.Email, "PDF");

    [Fact]
    public void Given_a_registered_request_when_routed_within_the_body_then_it_moves_with_its_due_date()
    {
        var routed = Assert.IsType<RequestRouted>(RouteRequest.Decide(Given.Request(), new RouteRequest.RouteBody("kpu-33", "Data di tingkat provinsi"), Units, BeforeDue).Single());
        var state = InformationRequest.Evolve(Given.Request(), routed);

        Assert.Equal(("kpu-33.21", "kpu-33"), (routed.FromUnitId, routed.ToUnitId));
        Assert.Equal(new DateOnly(2026, 1, 8), state.DueDate);
        Assert.Equal("kpu-33", state.UnitId);
    }

    [Theory]
    [InlineData("bawaslu-33")]   // another body: refer instead
    [InlineData("kpu-33.21")]    // already there
    [InlineData("kpu-99")]       // unknown
    public void Given_a_request_when_routed_to_a_unit_it_cannot_go_to_then_it_is_refused(string target) =>
        Assert.Throws<Refusal>(() => RouteRequest.Decide(Given.Request(), new RouteRequest.RouteBody(target, "alasan"), Units, BeforeDue));

    [Fact]
    public void Given_a_request_when_referred_then_it_is_closed_as_referred()
    {
        var state = RouteRequest.Decide(Given.Request(), new RouteRequest.ReferBody("BPS Kabupaten Demak", "Data kependudukan"), BeforeDue)
            .Aggregate(Given.Request(), InformationRequest.Evolve);

        Assert.Equal(RequestStatus.Referred, state.Status);
        Assert.False(state.IsOpen);
    }

    [Fact]
    public void Given_a_request_when_clarification_is_asked_and_received_without_pausing_then_the_due_date_stays()
    {
        var asked = ClarifyRequest.Decide(Given.Request(), new ClarifyRequest.AskBody("Kecamatan mana?"), Given.At(2025, 12, 23)).Single();
        var waiting = Given.Request(asked);
        Assert.Equal(RequestStatus.AwaitingClarification, waiting.Status);
        Refusals.Conflict(() => ClarifyRequest.Decide(waiting, new ClarifyRequest.AskBody("Lagi?"), Given.At(2025, 12, 24)));
        Refusals.Conflict(() => AnswerRequest.Decide(waiting, Answer(AnswerOutcome.Granted), Given.At(2025, 12, 24)));

        var received = Assert.IsType<ClarificationReceived>(ClarifyRequest.Decide(waiting, new ClarifyRequest.AnswerBody("Kecamatan Bonang"), Given.At(2025, 12, 30)).Single());

        Assert.Equal(0, received.PausedWorkingDays);
        Assert.Equal(new DateOnly(2026, 1, 8), received.DueDate);
    }

    [Fact]
    public void Given_a_rule_set_that_pauses_the_clock_when_the_requester_answers_then_the_due_date_moves_by_the_working_days_waited()
    {
        var pausing = PpidRules.Default with { PauseClockDuringClarification = true };
        var waiting = Given.Request(new ClarificationRequested("Kecamatan mana?", "officer-1", Given.At(2025, 12, 23).Now));

        // Asked Tue 23 Dec, answered Tue 30 Dec: 24, 29, 30 Dec are working days (25, 26 holidays; 27, 28 weekend).
        var received = Assert.IsType<ClarificationReceived>(ClarifyRequest.Decide(waiting, new ClarifyRequest.AnswerBody("Bonang"), Given.At(2025, 12, 30, rules: pausing)).Single());

        Assert.Equal(3, received.PausedWorkingDays);
        Assert.Equal(new DateOnly(2026, 1, 13), received.DueDate);
        Assert.Empty(DetectOverdue.Decide(waiting, Given.At(2026, 1, 9, rules: pausing)));
    }

    [Fact]
    public void Given_a_requester_who_answers_by_telephone_when_the_officer_enters_the_answer_then_the_event_names_the_officer_and_the_clock_rules_still_hold()
    {
        var pausing = PpidRules.Default with { PauseClockDuringClarification = true };
        var asked = new ClarificationRequested("Kecamatan mana?", "officer-1", Given.At(2025, 12, 23).Now);
        var waiting = Given.Request(asked);

        var entered = Assert.IsType<ClarificationReceived>(ClarifyRequest.DecideEntered(waiting, new ClarifyRequest.AnswerBody("Bonang"), Given.At(2025, 12, 30, rules: pausing)).Single());
        var sent = Assert.IsType<ClarificationReceived>(ClarifyRequest.Decide(waiting, new ClarifyRequest.AnswerBody("Bonang"), Given.At(2025, 12, 30, rules: pausing)).Single());

        Assert.Equal("officer-1", entered.EnteredBy);
        Assert.Null(sent.EnteredBy);
        Assert.Equal(("Bonang", 3, new DateOnly(2026, 1, 13)), (entered.Answer, entered.PausedWorkingDays, entered.DueDate));
        Assert.Equal(RequestStatus.Registered, Given.Request(asked, entered).Status);
        Refusals.Conflict(() => ClarifyRequest.DecideEntered(Given.Request(), new ClarifyRequest.AnswerBody("x"), BeforeDue));
        Refusals.Invalid(() => ClarifyRequest.DecideEntered(waiting, new ClarifyRequest.AnswerBody(" "), BeforeDue));
    }

    [Fact]
    public void Given_no_clarification_asked_when_an_answer_to_it_arrives_then_it_is_refused() =>
        Refusals.Conflict(() => ClarifyRequest.Decide(Given.Request(), new ClarifyRequest.AnswerBody("x"), BeforeDue));

    [Fact]
    public void Given_an_open_request_when_extended_by_7_working_days_then_the_new_due_date_counts_from_the_old_one()
    {
        var extended = Assert.IsType<DeadlineExtended>(ExtendDeadline.Decide(Given.Request(), new ExtendDeadline.Body(7, "Arsip di gudang"), BeforeDue).Single());

        Assert.Equal(new DateOnly(2026, 1, 8), extended.PreviousDueDate);
        // 9, 12, 13, 14, 15, 19, 20 Jan: 16 Jan is Isra Mikraj.
        Assert.Equal(new DateOnly(2026, 1, 20), extended.DueDate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Given_an_extension_outside_1_to_7_days_then_it_is_refused_naming_the_field(int days) =>
        Assert.Equal("workingDays", Refusals.Invalid(() => ExtendDeadline.Decide(Given.Request(), new ExtendDeadline.Body(days, "alasan"), BeforeDue)).Field);

    [Fact]
    public void Given_an_extended_request_when_extended_again_then_it_is_refused()
    {
        var extended = Given.Request(new DeadlineExtended(3, "alasan", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 13), "officer-1", BeforeDue.Now));
        Refusals.Conflict(() => ExtendDeadline.Decide(extended, new ExtendDeadline.Body(2, "lagi"), BeforeDue));
    }

    [Fact]
    public void Given_a_request_past_its_due_date_when_extended_then_it_is_refused() =>
        Refusals.Conflict(() => ExtendDeadline.Decide(Given.Request(), new ExtendDeadline.Body(3, "terlambat"), AfterDue));

    [Fact]
    public void Given_an_extension_without_reasons_then_it_is_refused() =>
        Assert.Equal("reason", Refusals.Invalid(() => ExtendDeadline.Decide(Given.Request(), new ExtendDeadline.Body(3, " "), BeforeDue)).Field);

    [Theory]
    [InlineData(AnswerOutcome.Granted)]
    [InlineData(AnswerOutcome.NotHeld)]
    [InlineData(AnswerOutcome.NotYetDocumented)]
    public void Given_an_open_request_when_answered_then_it_is_closed_with_the_outcome_and_the_working_days_taken(AnswerOutcome outcome)
    {
        var answered = Assert.IsType<RequestAnswered>(AnswerRequest.Decide(Given.Request(), Answer(outcome), BeforeDue).Single());

        Assert.Equal(outcome, answered.Outcome);
        // Working days after day 0 (22 Dec) up to the answer on 5 Jan: 23, 24, 29, 30, 31 Dec, 2 and 5 Jan.
        Assert.Equal(7, answered.WorkingDaysTaken);
        Assert.False(answered.Late);
        Assert.Equal(RequestStatus.Answered, InformationRequest.Evolve(Given.Request(), answered).Status);
    }

    [Fact]
    public void Given_a_refusal_then_it_must_name_a_pasal_17_exemption_and_record_the_consequence_test()
    {
        Assert.Equal("exemption", Refusals.Invalid(() => AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.Refused, test: "uji"), BeforeDue)).Field);
        Refusals.Invalid(() => AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.Refused, Exemption.H), BeforeDue));

        var refused = Assert.IsType<RequestAnswered>(AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.Refused, Exemption.H, "Membuka data pribadi"), BeforeDue).Single());
        Assert.Equal(Exemption.H, refused.Exemption);
        Assert.Equal("Membuka data pribadi", refused.ConsequenceTest);
    }

    [Fact]
    public void Given_a_partial_answer_then_each_withheld_part_names_its_exemption_and_reason()
    {
        Refusals.Invalid(() => AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.GrantedInPart, test: "uji"), BeforeDue));
        Refusals.Invalid(() => AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.GrantedInPart, test: "uji", parts: [new("NIK", null, "pribadi")]), BeforeDue));
        Refusals.Invalid(() => AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.Granted, parts: [new("NIK", Exemption.H, "pribadi")]), BeforeDue));

        var partial = Assert.IsType<RequestAnswered>(AnswerRequest.Decide(Given.Request(),
            Answer(AnswerOutcome.GrantedInPart, test: "Membuka NIK merugikan", parts: [new("NIK pemilih", Exemption.H, "rahasia pribadi")]), BeforeDue).Single());
        Assert.Equal([new WithheldPart("NIK pemilih", Exemption.H, "rahasia pribadi")], partial.WithheldParts);
    }

    [Fact]
    public void Given_a_request_answered_after_its_due_date_then_the_answer_is_marked_late() =>
        Assert.True(Assert.IsType<RequestAnswered>(AnswerRequest.Decide(Given.Request(), Answer(AnswerOutcome.Granted), AfterDue).Single()).Late);

    [Fact]
    public void Given_a_closed_request_then_no_further_step_is_allowed()
    {
        foreach (var closed in new[] { Given.Request(Given.Answered(AnswerOutcome.Granted)), Given.Request(new RequestWithdrawn(null, BeforeDue.Now)) })
        {
            Refusals.Conflict(() => AnswerRequest.Decide(closed, Answer(AnswerOutcome.Granted), BeforeDue));
            Refusals.Conflict(() => ExtendDeadline.Decide(closed, new ExtendDeadline.Body(2, "x"), BeforeDue));
            Refusals.Conflict(() => WithdrawRequest.Decide(closed, null, BeforeDue));
            Refusals.Conflict(() => RouteRequest.Decide(closed, new RouteRequest.RouteBody("kpu-33", "x"), Units, BeforeDue));
            Refusals.Conflict(() => ClarifyRequest.Decide(closed, new ClarifyRequest.AskBody("x"), BeforeDue));
            Assert.Empty(DetectOverdue.Decide(closed, AfterDue));
        }
    }

    [Fact]
    public void Given_an_open_request_when_its_due_date_has_closed_then_it_becomes_overdue_once()
    {
        Assert.Empty(DetectOverdue.Decide(Given.Request(), Given.At(2026, 1, 8, hour: 15)));
        var overdue = Assert.IsType<RequestBecameOverdue>(DetectOverdue.Decide(Given.Request(), Given.At(2026, 1, 8, hour: 17)).Single());

        Assert.Equal(new DateOnly(2026, 1, 8), overdue.DueDate);
        Assert.Empty(DetectOverdue.Decide(Given.Request(overdue), AfterDue));
    }

    [Fact]
    public void Given_an_extended_request_then_it_is_not_overdue_on_its_original_date_but_on_its_new_one()
    {
        var extended = Given.Request(new DeadlineExtended(7, "alasan", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 19), "officer-1", BeforeDue.Now));

        Assert.Empty(DetectOverdue.Decide(extended, AfterDue));
        Assert.Single(DetectOverdue.Decide(extended, Given.At(2026, 1, 20)));
    }

    [Fact]
    public void Given_an_open_request_when_the_requester_withdraws_then_it_is_closed()
    {
        var state = Given.Request(WithdrawRequest.Decide(Given.Request(), new WithdrawRequest.Body("Sudah dapat dari situs"), BeforeDue).ToArray());
        Assert.Equal(RequestStatus.Withdrawn, state.Status);
    }

    [Fact]
    public void Erasing_twice_records_the_erasure_once()
    {
        var erased = EraseRequester.Decide(Given.Request(), BeforeDue);
        Assert.IsType<RequesterDataErased>(erased.Single());
        Assert.Empty(EraseRequester.Decide(Given.Request(erased.ToArray()), BeforeDue));
    }
}
