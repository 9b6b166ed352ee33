using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;

namespace Humas.Calendar.Publications.Reading;

/// <summary>
/// One planned item with its version (the ETag to send as If-Match), and its history. Officers
/// of its unit (or a unit overseeing it) see every item; anyone else only a public one, and an
/// internal item is answered as absent so that it does not leak by its id.
/// </summary>
public static class ReadPublication
{
    public static void MapReadPublication(this RouteGroupBuilder publications)
    {
        publications.MapGet("/{publicationId:guid}", GetAsync).AllowAnonymous().WithName("GetPublication")
            .WithSummary("One planned item; internal ones only for officers of its unit")
            .Produces<PublicationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        publications.MapGet("/{publicationId:guid}/history", HistoryAsync).RequireAuthorization(ServiceDefaults.HumasPolicies.Authenticated)
            .WithName("GetPublicationHistory")
            .WithSummary("Every change of a planned item: planned, edited, rescheduled, status changes, with who and when (officers of its unit)")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(Guid publicationId, HttpContext http, EventStore store, UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var current = await store.AggregateAsync(Publication.StreamId(publicationId), Publication.Initial, Publication.Evolve, ct);
        if (current is null || (current.Value.State.Content.Visibility != Visibility.Public
                && !await access.AllowsAsync(http.User, new ProtectedResource(current.Value.State.UnitId), ActOn.AnyOfficer)))
            throw Refusal.NotFound("publication.not-found", publicationId);
        http.Response.Headers.ETag = $"\"{current.Value.Version}\"";
        return TypedResults.Ok(PublicationView.From(current.Value.State, current.Value.Version, units));
    }

    private static async Task<IResult> HistoryAsync(Guid publicationId, HttpContext http, EventStore store, UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var current = await store.AggregateAsync(Publication.StreamId(publicationId), Publication.Initial, Publication.Evolve, ct);
        await access.DemandAsync(http, current is null ? null : new ProtectedResource(current.Value.State.UnitId), ActOn.AnyOfficer, "publication.not-found", publicationId);
        var zone = units.Find(current!.Value.State.UnitId)?.TimeZone ?? IndonesianTimeZone.Wib;
        return TypedResults.Ok(await History.ReadAsync(store, Publication.StreamId(publicationId), zone, withActor: true, ct));
    }
}
