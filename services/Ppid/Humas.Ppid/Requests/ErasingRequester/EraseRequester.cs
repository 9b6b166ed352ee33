using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.Eventing.PersonalData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.ErasingRequester;

/// <summary>
/// Erasing a requester's personal data on request (UU 27/2022): their key is destroyed, so the
/// sealed copy in every event becomes unreadable. The request itself stays, and is still
/// counted in registers and reports, with its personal fields shown as erased.
/// </summary>
public static class EraseRequester
{
    public static IReadOnlyList<object> Decide(InformationRequest state, DecisionContext context) =>
        state.RequesterErased ? [] : [new RequesterDataErased(context.Actor, context.Now)];

    public static void MapEraseRequester(this RouteGroupBuilder requests) =>
        requests.MapDelete("/{registrationNumber}/requester", (string registrationNumber, HttpContext http, PersonalDataVault vault, CancellationToken ct) =>
                RequestChanges.Flow.RunAsync(http, registrationNumber, ActOn.Administrator, Decide, ct,
                    afterChange: state => vault.EraseAsync(state.RequesterSubjectId, ct)))
            .RequireAuthorization(HumasPolicies.Admin).WithName("EraseRequester")
            .WithSummary("Erase the requester's personal data (administrator, If-Match)")
            .ProducesChange<RequestChanges.Changed>();
}
