using Npgsql;

namespace Humas.Ppid.Objections;

public sealed record ObjectionRow(Guid ObjectionId, string ObjectionNumber, Guid RequestId, string RegistrationNumber, string UnitId,
    string[] Grounds, string Status, DateTimeOffset FiledAt, DateOnly DecisionDueDate, string? Decision, DateTimeOffset? DecidedAt,
    bool? DecidedLate, DateOnly? DisputeDueDate, DateTimeOffset? DisputeFiledAt, long Version);

public static class ObjectionLookup
{
    private const string Columns = """
        objection_id, objection_number, request_id, registration_number, unit_id, grounds, status, filed_at, decision_due_date,
        decision, decided_at, decided_late, dispute_due_date, dispute_filed_at, version
        """;

    public static async Task<ObjectionRow?> FindAsync(NpgsqlDataSource db, string objectionNumber, CancellationToken ct) =>
        (await QueryAsync(db, "objection_number = @key", objectionNumber.Trim().ToUpperInvariant(), ct)).FirstOrDefault();

    public static Task<IReadOnlyList<ObjectionRow>> ForRequestAsync(NpgsqlDataSource db, Guid requestId, CancellationToken ct) =>
        QueryAsync(db, "request_id = @key", requestId, ct);

    public static Task<IReadOnlyList<ObjectionRow>> ForUnitsAsync(NpgsqlDataSource db, IReadOnlyCollection<string> unitIds, CancellationToken ct) =>
        QueryAsync(db, "unit_id = ANY(@key)", unitIds.ToArray(), ct);

    public static Task<IReadOnlyList<ObjectionRow>> UndecidedAsync(NpgsqlDataSource db, CancellationToken ct) =>
        QueryAsync(db, "status = @key", "filed", ct);

    private static async Task<IReadOnlyList<ObjectionRow>> QueryAsync(NpgsqlDataSource db, string condition, object key, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM ppid_objections WHERE {condition} ORDER BY filed_at DESC");
        command.Parameters.AddWithValue("key", key);
        var rows = new List<ObjectionRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ObjectionRow(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<string[]>(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateOnly>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13), reader.GetInt64(14)));
        }
        return rows;
    }
}
