using Humas.ServiceDefaults.Http;
using Humas.Eventing.Store;
using Humas.Ppid.Requests;
using Npgsql;

namespace Humas.Ppid.Objections;

/// <summary>The objection register: number, date, grounds, decision and decision date, and the dispute if any.</summary>
public sealed class ObjectionRegisterProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (recorded.Data is RequestRouted routed)
            {
                await FollowRoutedRequestAsync(connection, transaction, recorded.StreamId, routed, ct);
                continue;
            }
            if (!recorded.StreamId.StartsWith("objection-", StringComparison.Ordinal)) continue;
            var (sql, parameters) = Change(recorded.Data);
            if (sql is null) continue;
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("oid", Guid.Parse(recorded.StreamId["objection-".Length..]));
            command.Parameters.AddWithValue("version", recorded.Version);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// An objection belongs to its request's unit: when the request is routed, the new unit's
    /// atasan PPID decides it and its register lists it. The objection's own version (its ETag) stays.
    /// </summary>
    private static async Task FollowRoutedRequestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId, RequestRouted routed, CancellationToken ct)
    {
        if (!streamId.StartsWith("request-", StringComparison.Ordinal)) return;
        await using var command = new NpgsqlCommand("UPDATE ppid_objections SET unit_id = @unit WHERE request_id = @rid", connection, transaction);
        command.Parameters.AddWithValue("unit", routed.ToUnitId);
        command.Parameters.AddWithValue("rid", Guid.Parse(streamId["request-".Length..]));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static (string? Sql, (string, object?)[] Parameters) Change(object @event) => @event switch
    {
        ObjectionFiled e => ("""
            INSERT INTO ppid_objections (objection_id, objection_number, request_id, registration_number, unit_id, grounds, status, filed_at, decision_due_date, version)
            VALUES (@oid, @number, @request, @registration, @unit, @grounds, 'filed', @filed, @due, @version)
            """, [("number", e.ObjectionNumber), ("request", e.RequestId), ("registration", e.RegistrationNumber), ("unit", e.UnitId),
                ("grounds", e.Grounds.Select(KebabNames.Of).ToArray()), ("filed", e.FiledAt), ("due", e.DecisionDueDate)]),
        ObjectionDecided e => ("""
            UPDATE ppid_objections SET status = 'decided', decision = @decision, decided_at = @at, decided_late = @late, dispute_due_date = @dispute, version = @version
            WHERE objection_id = @oid
            """, [("decision", KebabNames.Of(e.Decision)), ("at", e.At), ("late", e.Late), ("dispute", e.DisputeFilingDueDate)]),
        DisputeFiled e => ("UPDATE ppid_objections SET dispute_filed_at = @at, version = @version WHERE objection_id = @oid", [("at", e.FiledAt)]),
        ObjectionDueDateRecomputed e => ("UPDATE ppid_objections SET decision_due_date = @due, version = @version WHERE objection_id = @oid", [("due", e.DueDate)]),
        _ => (null, []),
    };
}
