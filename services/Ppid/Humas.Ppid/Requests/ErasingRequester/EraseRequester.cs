using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.Eventing.PersonalData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.ErasingRequester;

/// <summary>
/// Erasing a requester's personal data on request (UU 27/2022): their key is destroyed in the
/// transaction that records the erasure (<see cref="RequesterErasure"/>), so the sealed copy in
/// every event becomes unreadable, and the account that registered it is unlinked. The request
/// itself stays, and is still counted in registers and reports, with its personal fields shown
/// as erased. (The account id stays in the registration event, which is never rewritten.)
/// </summary>
public static class EraseRequester
{
    public static IReadOnlyList<object> Decide(InformationRequest state, DecisionContext context) =>
        state.RequesterErased ? [] : [new RequesterDataErased(context.Actor, context.Now)];

    public static void MapEraseRequester(this RouteGroupBuilder requests) =>
        requests.MapDelete("/{registrationNumber}/requester", (string registrationNumber, HttpContext http, PersonalDataVault vault, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.Administrator, Decide, ct,
                    // A repeat also destroys a key left behind by an erasure recorded before keys were destroyed in its transaction.
                    afterChange: state => vault.EraseAsync(state.RequesterSubjectId, ct)))
            .RequireAuthorization(HumasPolicies.Admin).WithName("EraseRequester")
            .WithSummary("Erase the requester's personal data (administrator, If-Match)")
            .ProducesChange<RequestChanges.Changed>();
}
