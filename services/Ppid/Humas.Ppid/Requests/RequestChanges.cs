using Humas.Ppid.Deadlines;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Npgsql;

namespace Humas.Ppid.Requests;

/// <summary>How a change to a request runs through the toolkit's pipeline: found by registration number, protected by its unit and requester.</summary>
public static class RequestChanges
{
    public sealed record Changed(string RegistrationNumber, string UnitId, RequestStatus Status, DateOnly DueDate, bool Overdue, AnswerOutcome? Outcome, long Version);

    public static readonly AggregateType<InformationRequest> Aggregate = new(InformationRequest.StreamType, InformationRequest.Initial, InformationRequest.Evolve);

    public static ProtectedResource Protection(InformationRequest state) =>
        new(state.UnitId, new RequesterKeys(state.AccessCodeHash, state.RequesterAccount));

    public static readonly ChangeFlow<InformationRequest, DecisionContext, Changed> Flow = new()
    {
        Aggregate = Aggregate,
        NotFoundCode = "request.not-found",
        FindStream = async (http, number, ct) =>
            await RequestLookup.FindAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), number, ct) is { } row
                ? InformationRequest.StreamId(row.RequestId)
                : null,
        Protect = (_, state, _) => Task.FromResult(Protection(state)),
        Context = (http, state, ct) => DecisionContexts.ForUnitAsync(http, state.UnitId, ct),
        View = (_, s, version) => new Changed(s.RegistrationNumber, s.UnitId, s.Status, s.DueDate, s.Overdue, s.Outcome, version),
    };
}
