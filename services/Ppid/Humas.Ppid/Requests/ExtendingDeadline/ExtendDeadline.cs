using System.ComponentModel.DataAnnotations;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.Ppid.Deadlines;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.ExtendingDeadline;

/// <summary>The one extension of Pasal 22(8): at most 7 working days, with written reasons, given before the deadline passes.</summary>
public static class ExtendDeadline
{
    public sealed record Body(int? WorkingDays, [property: MaxLength(2000)] string? Reason);

    public static IReadOnlyList<object> Decide(InformationRequest state, Body body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state);
        if (state.Extended) throw Refusal.Conflict("request.extension.already-extended");
        if (body.WorkingDays is not { } days || days < 1 || days > LegalPeriods.MaxExtension)
            throw Refusal.Invalid("workingDays", "request.extension.working-days", LegalPeriods.MaxExtension);
        var reason = RequestGuards.Required(body.Reason, "reason");
        if (context.HasPassed(state.DueDate))
            throw Refusal.Conflict("request.extension.deadline-passed");
        var extended = context.Calendar.ComputeDeadlineFromDay(state.DueDate, days, context.Rules.WorkingDays);
        return [new DeadlineExtended(days, reason, state.DueDate, extended.DueDate, context.Actor, context.Now)];
    }

    public static void MapExtendDeadline(this RouteGroupBuilder requests) =>
        requests.MapPost("/{registrationNumber}/extension", (string registrationNumber, Body body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.PpidOfficer, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithName("ExtendDeadline")
            .WithSummary("Extend the deadline once, by at most 7 working days (If-Match)")
            .ProducesChange<RequestChanges.Changed>();
}
