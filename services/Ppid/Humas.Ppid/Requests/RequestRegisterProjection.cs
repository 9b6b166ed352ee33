using Humas.ServiceDefaults.Http;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Ppid.Requests;

/// <summary>
/// The register (buku register) row of each request, kept inline so that a request can be
/// looked up and filtered the moment a change is answered. Holds no personal data in clear:
/// the requester is a subject id whose details live sealed in the event.
/// </summary>
public sealed class RequestRegisterProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (!recorded.StreamId.StartsWith("request-", StringComparison.Ordinal)) continue;
            var (sql, parameters) = Change(recorded.Data);
            if (sql is null) continue;
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("rid", Guid.Parse(recorded.StreamId["request-".Length..]));
            command.Parameters.AddWithValue("version", recorded.Version);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private const string ByStream = "WHERE request_id = @rid";

    private static (string? Sql, (string, object?)[] Parameters) Change(object @event) => @event switch
    {
        RequestRegistered e => ("""
            INSERT INTO ppid_requests (request_id, registration_number, unit_id, channel, status, received_at, due_date,
                due_date_provisional, requester_subject, access_code_hash, requester_account, information_requested, sealed_requester, version)
            VALUES (@id, @number, @unit, @channel, 'registered', @received, @due, @provisional, @subject, @code, @account, @information, @sealed, @version)
            """, [("information", e.InformationRequested), ("sealed", e.SealedRequester), ("id", e.RequestId), ("number", e.RegistrationNumber), ("unit", e.UnitId), ("channel", KebabNames.Of(e.Channel)), ("received", e.ReceivedAt),
                ("due", e.DueDate), ("provisional", e.DueDateProvisional), ("subject", e.RequesterSubjectId), ("code", e.AccessCodeHash), ("account", e.RequesterAccount)]),
        RequestRouted e => ($"UPDATE ppid_requests SET unit_id = @unit, version = @version {ByStream}", [("unit", e.ToUnitId)]),
        RequestReferred e => ($"UPDATE ppid_requests SET status = 'referred', closed_at = @at, version = @version {ByStream}", [("at", e.At)]),
        ClarificationRequested => ($"UPDATE ppid_requests SET status = 'awaiting-clarification', version = @version {ByStream}", []),
        ClarificationReceived e => ($"UPDATE ppid_requests SET status = 'registered', due_date = @due, version = @version {ByStream}", [("due", e.DueDate)]),
        DeadlineExtended e => ($"UPDATE ppid_requests SET extended = true, due_date = @due, version = @version {ByStream}", [("due", e.DueDate)]),
        RequestAnswered e => ($"""
            UPDATE ppid_requests SET status = 'answered', outcome = @outcome, closed_at = @at, answer_working_days = @days,
                exemption = @exemption, answered_late = @late, version = @version {ByStream}
            """, [("outcome", KebabNames.Of(e.Outcome)), ("at", e.At), ("days", e.WorkingDaysTaken), ("exemption", e.Exemption?.ToString().ToLowerInvariant()),
                ("late", e.Late)]),
        RequestBecameOverdue => ($"UPDATE ppid_requests SET overdue = true, version = @version {ByStream}", []),
        RequestWithdrawn e => ($"UPDATE ppid_requests SET status = 'withdrawn', closed_at = @at, version = @version {ByStream}", [("at", e.At)]),
        DueDateRecomputed e => ($"UPDATE ppid_requests SET due_date = @due, version = @version {ByStream}", [("due", e.DueDate)]),
        RequesterDataErased => ($"UPDATE ppid_requests SET requester_erased = true, requester_account = NULL, version = @version {ByStream}", []),
        _ => (null, []),
    };

}
