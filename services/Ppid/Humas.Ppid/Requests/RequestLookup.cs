using Npgsql;

namespace Humas.Ppid.Requests;

public sealed record RequestRow(Guid RequestId, string RegistrationNumber, string UnitId, string Channel, string Status,
    DateTimeOffset ReceivedAt, DateOnly DueDate, bool DueDateProvisional, string AccessCodeHash, long Version);

public static class RequestLookup
{
    private const string Columns = "request_id, registration_number, unit_id, channel, status, received_at, due_date, due_date_provisional, access_code_hash, version";

    public static async Task<RequestRow?> FindAsync(NpgsqlDataSource db, string registrationNumber, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM ppid_requests WHERE registration_number = @number");
        command.Parameters.AddWithValue("number", registrationNumber.Trim().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public static async Task<IReadOnlyList<RequestRow>> ListAsync(NpgsqlDataSource db, IReadOnlyCollection<string> unitIds, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM ppid_requests WHERE unit_id = ANY(@units) ORDER BY received_at DESC LIMIT @limit");
        command.Parameters.AddWithValue("units", unitIds.ToArray());
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<RequestRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    private static RequestRow Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateOnly>(6), r.GetBoolean(7), r.GetString(8), r.GetInt64(9));
}
