using System.ComponentModel.DataAnnotations;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.ClarifyingRequest;

/// <summary>
/// Asking the requester what exactly they want, and their answer. Whether the wait stops the
/// clock is the rule set's choice (off by default); when it does, the due date moves by the
/// working days waited. A requester who answers by telephone or at the desk has an officer of the
/// unit write the answer down; the event names that officer.
/// </summary>
public static class ClarifyRequest
{
    public sealed record AskBody([property: MaxLength(2000)] string? Question);

    public sealed record AnswerBody([property: MaxLength(4000)] string? Answer);

    public static IReadOnlyList<object> Decide(InformationRequest state, AskBody body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state);
        if (state.Status == RequestStatus.AwaitingClarification)
            throw Refusal.Conflict("request.clarification.previous-unanswered");
        return [new ClarificationRequested(RequestGuards.Required(body.Question, "question"), context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> Decide(InformationRequest state, AnswerBody body, DecisionContext context) =>
        Receive(state, body, context, enteredBy: null);

    /// <summary>An answer the requester gave an officer (telephone, desk), entered by that officer on their behalf.</summary>
    public static IReadOnlyList<object> DecideEntered(InformationRequest state, AnswerBody body, DecisionContext context) =>
        Receive(state, body, context, enteredBy: context.Actor);

    private static IReadOnlyList<object> Receive(InformationRequest state, AnswerBody body, DecisionContext context, string? enteredBy)
    {
        if (state.Status != RequestStatus.AwaitingClarification)
            throw Refusal.Conflict("request.clarification.none-awaited");
        var answer = RequestGuards.Required(body.Answer, "answer");
        var paused = 0;
        var dueDate = state.DueDate;
        if (context.Rules.PauseClockDuringClarification)
        {
            var asked = DateOnly.FromDateTime(context.Zone.ToLocal(state.ClarificationAskedAt!.Value).DateTime);
            paused = RequestGuards.WorkingDaysBetween(context.Calendar, context.Rules.WorkingDays, asked, context.Today);
            if (paused > 0) dueDate = context.Calendar.ComputeDeadlineFromDay(state.DueDate, paused, context.Rules.WorkingDays).DueDate;
        }
        return [new ClarificationReceived(answer, context.Now, paused, dueDate, enteredBy)];
    }

    public static void MapClarifyRequest(this RouteGroupBuilder requests)
    {
        requests.MapPost("/{registrationNumber}/clarification-request", (string registrationNumber, AskBody body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.PpidOfficer, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithName("AskClarification")
            .WithSummary("Ask the requester to clarify the request (If-Match)")
            .ProducesChange<RequestChanges.Changed>();
        requests.MapPost("/{registrationNumber}/clarification", (string registrationNumber, AnswerBody body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.Requester, (state, context) => Decide(state, body, context), ct))
            .AllowAnonymous().WithName("AnswerClarification").AcceptsAccessCode()
            .WithSummary("The requester answers the clarification (access code, If-Match)")
            .ProducesChange<RequestChanges.Changed>();
        requests.MapPost("/{registrationNumber}/clarification/entered", (string registrationNumber, AnswerBody body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.PpidOfficer, (state, context) => DecideEntered(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithName("EnterClarificationAnswer")
            .WithSummary("An officer of the unit enters the answer the requester gave by telephone or at the desk (If-Match)")
            .ProducesChange<RequestChanges.Changed>();
    }
}
