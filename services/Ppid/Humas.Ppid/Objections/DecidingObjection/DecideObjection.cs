using System.ComponentModel.DataAnnotations;
using Humas.Ppid.Objections;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Objections.DecidingObjection;

/// <summary>
/// The atasan PPID decides the objection in writing, with reasons, within 30 working days. From
/// the decision runs the requester's 14 working days to take the dispute to the Komisi Informasi.
/// </summary>
public static class DecideObjection
{
    public sealed record Body(ObjectionDecision? Decision, [property: MaxLength(4000)] string? Reasons);

    public static IReadOnlyList<object> Decide(Objection state, Body body, DecisionContext context)
    {
        if (state.Status == ObjectionStatus.Decided) throw Refusal.Conflict("objection.already-decided");
        var decision = body.Decision ?? throw Refusal.Invalid("decision", "objection.decision.required");
        var reasons = RequestGuards.Required(body.Reasons, "reasons");
        var disputeDue = context.Calendar.ComputeDeadline(context.Now, context.Zone, LegalPeriods.DisputeFiling, context.Rules.WorkingDays).DueDate;
        return [new ObjectionDecided(decision, reasons, context.Actor, context.Now, context.HasPassed(state.DecisionDueDate), disputeDue)];
    }

    public static void MapDecideObjection(this RouteGroupBuilder objections) =>
        objections.MapPost("/{objectionNumber}/decision", (string objectionNumber, Body body, HttpContext http, CancellationToken ct) =>
                ObjectionChanges.Flow.RunAsync(http, objectionNumber, ActOn.Supervisor, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("DecideObjection")
            .WithSummary("The atasan PPID decides the objection (supervisor of the unit, If-Match)")
            .ProducesChange<ObjectionChanges.Changed>();
}
