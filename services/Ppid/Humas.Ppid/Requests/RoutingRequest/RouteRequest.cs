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
    public sealed record RouteBody(string? ToUnitId, string? Reason);

    public sealed record ReferBody(string? Agency, string? Reason);

    public static IReadOnlyList<object> Decide(InformationRequest state, RouteBody body, UnitDirectory units, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state, "dialihkan / routed");
        var target = units.Find(RequestGuards.Required(body.ToUnitId, "toUnitId"))
            ?? throw new InvalidField("toUnitId", $"Unit '{body.ToUnitId}' tidak dikenal", $"unit '{body.ToUnitId}' is unknown");
        var current = units.Find(state.UnitId)!;
        if (target.Id == current.Id) throw new RuleViolation("Permohonan sudah berada di unit itu", "the request is already with that unit");
        if (target.Institution != current.Institution)
            throw new RuleViolation("Hanya dapat dialihkan ke unit badan yang sama; gunakan rujukan untuk badan publik lain",
                "a request can only be routed within the same body; refer it to reach another agency");
        return [new RequestRouted(current.Id, target.Id, RequestGuards.Required(body.Reason, "reason"), context.Actor, context.Now)];
    }

    public static IReadOnlyList<object> Decide(InformationRequest state, ReferBody body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state, "dirujuk / referred");
        return [new RequestReferred(RequestGuards.Required(body.Agency, "agency"), RequestGuards.Required(body.Reason, "reason"), context.Actor, context.Now)];
    }

    public static void MapRouteRequest(this RouteGroupBuilder requests)
    {
        requests.MapPost("/{registrationNumber}/routing", (string registrationNumber, RouteBody body, HttpContext http, UnitDirectory units, CancellationToken ct) =>
                RequestCommand.ExecuteAsync(http, registrationNumber, RequestActor.Officer, (state, context) => Decide(state, body, units, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithSummary("Route a request to the PPID of another unit of the same body (If-Match)");
        requests.MapPost("/{registrationNumber}/referral", (string registrationNumber, ReferBody body, HttpContext http, CancellationToken ct) =>
                RequestCommand.ExecuteAsync(http, registrationNumber, RequestActor.Officer, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithSummary("Refer a request to the agency that holds the information (If-Match)");
    }
}
