using Humas.ServiceDefaults.Http;
using Humas.Eventing.Outbox;
using Humas.Eventing.Store;
using Humas.Ppid.Contracts;
using Humas.Ppid.Objections;
using Dapper;
using Npgsql;
using Contract = Humas.Ppid.Contracts;

namespace Humas.Ppid.Requests;

/// <summary>
/// What other services learn of requests and objections: the facts they act on, never the
/// requester. Later events of a stream do not repeat its number and unit, so this runs after
/// the register projections, in the same transaction, and takes them from the register row.
/// </summary>
public sealed class RequestIntegrationEvents(OutboxWriter outbox) : IInlineProjection
{
    private sealed record Identity(Guid Id, string Number, string UnitId);

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var messages = new List<object>();
        foreach (var recorded in events)
        {
            if (Immediate(recorded.Data) is { } message)
            {
                messages.Add(message);
                continue;
            }
            if (recorded.Data is not (RequestAnswered or RequestBecameOverdue or DeadlineExtended or ClarificationReceived or DueDateRecomputed or RequestRouted
                or Objections.ObjectionDecided)) continue;
            var identity = await IdentityAsync(connection, transaction, recorded.StreamId, ct);
            if (identity is not null && Later(recorded.Data, identity, recorded.Version) is { } later) messages.Add(later);
        }
        if (messages.Count > 0) await outbox.WriteAsync(connection, transaction, messages, ct);
    }

    private static object? Immediate(object @event) => @event switch
    {
        RequestRegistered e => new InformationRequestRegistered
        {
            RequestId = e.RequestId, RegistrationNumber = e.RegistrationNumber, UnitId = e.UnitId, ReceivedAt = e.ReceivedAt,
            DueDate = e.DueDate, DueDateProvisional = e.DueDateProvisional, Channel = KebabNames.Of(e.Channel),
        },
        Objections.ObjectionFiled e => new Contract.ObjectionFiled
        {
            ObjectionId = e.ObjectionId, ObjectionNumber = e.ObjectionNumber, RegistrationNumber = e.RegistrationNumber, UnitId = e.UnitId,
            Grounds = e.Grounds.Select(KebabNames.Of).ToList(), DecisionDueDate = e.DecisionDueDate,
        },
        _ => null,
    };

    private static object? Later(object @event, Identity at, long version) => @event switch
    {
        RequestAnswered e => new InformationRequestAnswered
        {
            RequestId = at.Id, RegistrationNumber = at.Number, UnitId = at.UnitId, Outcome = KebabNames.Of(e.Outcome),
            WorkingDaysTaken = e.WorkingDaysTaken, Late = e.Late, AnsweredAt = e.At,
        },
        RequestBecameOverdue e => new InformationRequestOverdue
        {
            RequestId = at.Id, RegistrationNumber = at.Number, UnitId = at.UnitId, DueDate = e.DueDate, DetectedAt = e.DetectedAt,
        },
        DeadlineExtended e => DueDateChanged(at, e.DueDate, version),
        ClarificationReceived e when e.PausedWorkingDays > 0 => DueDateChanged(at, e.DueDate, version),
        DueDateRecomputed e => DueDateChanged(at, e.DueDate, version),
        RequestRouted e => new InformationRequestRouted
        {
            RequestId = at.Id, RegistrationNumber = at.Number, FromUnitId = e.FromUnitId, ToUnitId = e.ToUnitId, RoutedAt = e.At, RequestVersion = version,
        },
        Objections.ObjectionDecided e => new Contract.ObjectionDecided
        {
            ObjectionId = at.Id, ObjectionNumber = at.Number, UnitId = at.UnitId, Decision = KebabNames.Of(e.Decision),
            Late = e.Late, DisputeFilingDueDate = e.DisputeFilingDueDate,
        },
        _ => null,
    };

    private static InformationRequestDueDateChanged DueDateChanged(Identity at, DateOnly dueDate, long version) =>
        new() { RequestId = at.Id, RegistrationNumber = at.Number, UnitId = at.UnitId, DueDate = dueDate, RequestVersion = version };

    private static async Task<Identity?> IdentityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId, CancellationToken ct)
    {
        var (sql, prefix) = streamId.StartsWith("objection-", StringComparison.Ordinal)
            ? ("SELECT objection_id AS id, objection_number AS number, unit_id FROM ppid_objections WHERE objection_id = @id", "objection-")
            : ("SELECT request_id AS id, registration_number AS number, unit_id FROM ppid_requests WHERE request_id = @id", "request-");
        if (!streamId.StartsWith(prefix, StringComparison.Ordinal)) return null;
        return await connection.QuerySingleOrDefaultAsync<Identity>(
            new CommandDefinition(sql, new { id = Guid.Parse(streamId[prefix.Length..]) }, transaction, cancellationToken: ct));
    }
}
