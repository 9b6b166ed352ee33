using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.Ppid.Requests;
using Humas.ReferenceData;

namespace Humas.Ppid.InformationList.GettingEntry;

/// <summary>
/// One entry with its version (the ETag to send as If-Match). Officers of its unit see it in
/// every state; anyone else only while it is on the public list.
/// </summary>
public static class GetEntry
{
    public static void MapGetEntry(this RouteGroupBuilder list) =>
        list.MapGet("/{entryId:guid}", HandleAsync).AllowAnonymous().WithName("GetEntry")
            .WithSummary("One entry of the list; drafts and withdrawn entries only for officers of its unit")
            .Produces<EntryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static bool IsListed(InformationEntry entry) => entry.Status is EntryStatus.Published or EntryStatus.RecordedAsExempt;

    private static async Task<IResult> HandleAsync(Guid entryId, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units,
        ResourceAccess access, CancellationToken ct)
    {
        var current = await store.AggregateAsync(InformationEntry.StreamId(entryId), InformationEntry.Initial, InformationEntry.Evolve, ct);
        // An entry the caller may not see is answered as absent, so drafts do not leak by their id.
        if (current is null || (!IsListed(current.Value.State)
                && !await access.AllowsAsync(user, new ProtectedResource(current.Value.State.UnitId), ActOn.PpidOfficer)))
            throw Refusal.NotFound("entry.not-found", entryId);

        http.Response.Headers.ETag = $"\"{current.Value.Version}\"";
        return TypedResults.Ok(EntryView.From(current.Value.State, current.Value.Version, units));
    }
}
