using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults;
using Humas.UseCases;
using Humas.UseCases.Access;
namespace Humas.Ppid.Requests.WithdrawingRequest;

/// <summary>The requester no longer wants the information.</summary>
public static class WithdrawRequest
{
    public sealed record Body([property: MaxLength(2000)] string? Reason);

    public static IReadOnlyList<object> Decide(InformationRequest state, Body? body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state);
        return [new RequestWithdrawn(string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim(), context.Now)];
    }

    public static void MapWithdrawRequest(this RouteGroupBuilder requests) =>
        requests.MapPost("/{registrationNumber}/withdrawal", (string registrationNumber, Body? body, HttpContext http, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.Requester, (state, context) => Decide(state, body, context), ct))
            .AllowAnonymous().WithName("WithdrawRequest").AcceptsAccessCode()
            .WithSummary("The requester withdraws the request (access code, If-Match)")
            .ProducesChange<RequestChanges.Changed>();
}
