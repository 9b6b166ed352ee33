using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Ppid.Requests;

/// <summary>
/// The register (buku register) row of each request, kept inline so that a request can be
/// looked up by its number the moment its registration is answered. Holds no personal data in
/// clear: the requester is a subject id whose details live sealed in the event.
/// </summary>
public sealed class RequestRegisterProjection : IInlineProjection
{
    public const string Schema = """
        CREATE TABLE ppid_requests (
            request_id           uuid PRIMARY KEY,
            registration_number  text NOT NULL UNIQUE,
            unit_id              text NOT NULL,
            channel              text NOT NULL,
            status               text NOT NULL,
            received_at          timestamptz NOT NULL,
            due_date             date NOT NULL,
            due_date_provisional boolean NOT NULL,
            requester_subject    uuid NOT NULL,
            access_code_hash     text NOT NULL,
            version              bigint NOT NULL
        );
        CREATE INDEX ppid_requests_unit ON ppid_requests (unit_id, received_at);
        CREATE TABLE registration_counters (
            unit_id      text NOT NULL,
            year         int NOT NULL,
            last_number  int NOT NULL,
            PRIMARY KEY (unit_id, year)
        );
        """;

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (recorded.Data is not RequestRegistered e) continue;
            await using var insert = new NpgsqlCommand("""
                INSERT INTO ppid_requests (request_id, registration_number, unit_id, channel, status, received_at, due_date,
                    due_date_provisional, requester_subject, access_code_hash, version)
                VALUES (@id, @number, @unit, @channel, 'registered', @received, @due, @provisional, @subject, @code, @version)
                """, connection, transaction);
            insert.Parameters.AddWithValue("id", e.RequestId);
            insert.Parameters.AddWithValue("number", e.RegistrationNumber);
            insert.Parameters.AddWithValue("unit", e.UnitId);
            insert.Parameters.AddWithValue("channel", e.Channel == RegistrationChannel.WalkIn ? "walk-in" : "online");
            insert.Parameters.AddWithValue("received", e.ReceivedAt);
            insert.Parameters.AddWithValue("due", e.DueDate);
            insert.Parameters.AddWithValue("provisional", e.DueDateProvisional);
            insert.Parameters.AddWithValue("subject", e.RequesterSubjectId);
            insert.Parameters.AddWithValue("code", e.AccessCodeHash);
            insert.Parameters.AddWithValue("version", recorded.Version);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
