using System.ComponentModel.DataAnnotations;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.AnsweringRequest;

/// <summary>
/// The written answer of Pasal 22(7), with every outcome the law names: granted in full; granted
/// in part, stating what was withheld and under which exemption; refused under a named Pasal 17
/// exemption with its consequence test; not held; not yet documented. It says how the
/// information is delivered and in what format.
/// </summary>
public static class AnswerRequest
{
    public sealed record WithheldPartBody([property: MaxLength(1000)] string? Part, Exemption? Exemption, [property: MaxLength(2000)] string? Reason);

    public sealed record Body(
        AnswerOutcome? Outcome,
        [property: MaxLength(4000)] string? Summary,
        IReadOnlyList<WithheldPartBody>? WithheldParts,
        Exemption? Exemption,
        [property: MaxLength(4000)] string? ConsequenceTest,
        DeliveryMethod? Delivery,
        [property: MaxLength(200)] string? Format);

    public static IReadOnlyList<object> Decide(InformationRequest state, Body body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state);
        if (state.Status == RequestStatus.AwaitingClarification)
            throw Refusal.Conflict("request.clarification-awaited");
        var outcome = body.Outcome ?? throw Refusal.Invalid("outcome", "field.required", "outcome");
        var summary = RequestGuards.Required(body.Summary, "summary");
        var delivery = body.Delivery ?? throw Refusal.Invalid("delivery", "field.required", "delivery");
        var withheld = WithheldParts(outcome, body);
        Exemption? exemption = null;
        string? consequenceTest = null;
        if (outcome is AnswerOutcome.Refused or AnswerOutcome.GrantedInPart)
        {
            consequenceTest = RequestGuards.Required(body.ConsequenceTest, "consequenceTest");
            exemption = outcome == AnswerOutcome.Refused
                ? body.Exemption ?? throw Refusal.Invalid("exemption", "request.answer.refusal-needs-exemption")
                : withheld[0].Exemption;
        }
        var format = outcome is AnswerOutcome.Granted or AnswerOutcome.GrantedInPart ? RequestGuards.Required(body.Format, "format") : body.Format?.Trim() ?? "";

        var dayZero = state.DayZero;
        var taken = RequestGuards.WorkingDaysBetween(context.Calendar, context.Rules.WorkingDays, dayZero, context.Today);
        return [new RequestAnswered(outcome, summary, withheld, exemption, consequenceTest, delivery, format, taken, context.HasPassed(state.DueDate), context.Actor, context.Now)];
    }

    private static List<WithheldPart> WithheldParts(AnswerOutcome outcome, Body body)
    {
        var parts = body.WithheldParts ?? [];
        if (outcome != AnswerOutcome.GrantedInPart)
        {
            if (parts.Count > 0) throw Refusal.Invalid("withheldParts", "request.answer.withheld-parts-only-partial");
            return [];
        }
        if (parts.Count == 0) throw Refusal.Invalid("withheldParts", "request.answer.withheld-parts-required");
        return parts.Select(p => new WithheldPart(
            RequestGuards.Required(p.Part, "withheldParts.part"),
            p.Exemption ?? throw Refusal.Invalid("withheldParts.exemption", "request.answer.withheld-part-needs-exemption"),
            RequestGuards.Required(p.Reason, "withheldParts.reason"))).ToList();
    }

    public static void MapAnswerRequest(this RouteGroupBuilder requests) =>
        requests.MapPost("/{registrationNumber}/answer", (string registrationNumber, Body body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.PpidOfficer, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithName("AnswerRequest")
            .WithSummary("Answer the request with one of the outcomes of Pasal 22(7) (If-Match)")
            .ProducesChange<RequestChanges.Changed>();
}
