using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Npgsql;

namespace Humas.Ppid.Objections;

/// <summary>How a change to an objection runs through the toolkit's pipeline: its requester is the request's requester.</summary>
public static class ObjectionChanges
{
    public sealed record Changed(string ObjectionNumber, ObjectionStatus Status, ObjectionDecision? Decision, DateOnly DecisionDueDate, DateOnly? DisputeFilingDueDate, long Version);

    public static readonly ChangeFlow<Objection, DecisionContext, Changed> Flow = new()
    {
        Aggregate = new(Objection.StreamType, Objection.Initial, Objection.Evolve),
        NotFoundCode = "objection.not-found",
        FindStream = async (http, number, ct) =>
            await ObjectionLookup.FindAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), number, ct) is { } row
                ? Objection.StreamId(row.ObjectionId)
                : null,
        Protect = ProtectAsync,
        Context = async (http, state, ct) => await DecisionContexts.ForUnitAsync(http, await CurrentUnitAsync(http, state, ct), ct),
        View = (_, s, version) => new Changed(s.Number, s.Status, s.Decision, s.DecisionDueDate, s.DisputeFilingDueDate, version),
    };

    /// <summary>An objection is protected as its request is: its requester, and the unit the request is at now (routing moves both).</summary>
    public static async Task<ProtectedResource> ProtectAsync(HttpContext http, Objection state, CancellationToken ct)
    {
        var request = await http.RequestServices.GetRequiredService<EventStore>()
            .AggregateAsync(InformationRequest.StreamId(state.RequestId), RequestChanges.Aggregate.Initial, RequestChanges.Aggregate.Evolve, ct);
        return request is { } found ? RequestChanges.Protection(found.State) : new ProtectedResource(state.UnitId);
    }

    /// <summary>The unit the objection's request is at now: the one filed with, unless the request was routed since.</summary>
    public static async Task<string> CurrentUnitAsync(HttpContext http, Objection state, CancellationToken ct) =>
        (await RequestLookup.FindAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), state.RegistrationNumber, ct))?.UnitId ?? state.UnitId;
}
