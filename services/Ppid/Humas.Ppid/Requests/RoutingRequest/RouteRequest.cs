using System.ComponentModel.DataAnnotations;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.RoutingRequest;

/// <summary>
/// Routing a request to the PPID of another unit of the same body (a district office holding
/// what was asked of the province), or referring it to another agency altogether. Routing keeps
/// the registration number and the due date: the clock runs from the body's receipt.
/// </summary>
public static class RouteRequest
{
    public sealed record RouteBody([property: MaxLength(50)] string? ToUnitId, [property: MaxLength(2000)] string? Reason);

    public sealed record ReferBody([property: MaxLength(300)] string? Agency, [property: MaxLength(2000)] string? Reason);

    public static IReadOnlyList<object> Decide(InformationRequest state, RouteBody body, UnitDirectory units, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state);
        var target = units.Find(RequestGuards.Required(body.ToUnitId, "toUnitId"))
            ?? throw Refusal.Invalid("toUnitId", "field.unknown-unit", body.ToUnitId);
        var current = units.Find(state.UnitId)!;
        if (target.Id == current.Id) throw Refusal.Conflict("request.routing.same-unit");
        if (target.Institution != current.Institution)
            throw Refusal.Conflict("request.routing.other-body");
        return [new RequestRouted(current.Id, target.Id, RequestGuards.Required(body.Reason, "reason"), context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> Decide(InformationRequest state, ReferBody body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state);
        return [new RequestReferred(RequestGuards.Required(body.Agency, "agency"), RequestGuards.Required(body.Reason, "reason"), context.Actor, context.Now)];
    }

    public static void MapRouteRequest(this RouteGroupBuilder requests)
    {
        requests.MapPost("/{registrationNumber}/routing", (string registrationNumber, RouteBody body, HttpContext http, UnitDirectory units, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.PpidOfficer, (state, context) => Decide(state, body, units, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithName("RouteRequest")
            .WithSummary("Route a request to the PPID of another unit of the same body (If-Match)")
            .ProducesChange<RequestChanges.Changed>();
        requests.MapPost("/{registrationNumber}/referral", (string registrationNumber, ReferBody body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.PpidOfficer, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithName("ReferRequest")
            .WithSummary("Refer a request to the agency that holds the information (If-Match)")
            .ProducesChange<RequestChanges.Changed>();
    }
}
