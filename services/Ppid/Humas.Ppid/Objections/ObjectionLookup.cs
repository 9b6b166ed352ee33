using Dapper;
using Npgsql;

namespace Humas.Ppid.Objections;

public sealed record ObjectionRow(Guid ObjectionId, string ObjectionNumber, Guid RequestId, string RegistrationNumber, string UnitId,
    string[] Grounds, string Status, DateTimeOffset FiledAt, DateOnly DecisionDueDate, string? Decision, DateTimeOffset? DecidedAt,
    bool? DecidedLate, DateOnly? DisputeDueDate, DateTimeOffset? DisputeFiledAt, long Version);

/// <summary>Reads of the objection register; rows map to <see cref="ObjectionRow"/> by column name (see Humas.Eventing.Store.DapperMapping).</summary>
public static class ObjectionLookup
{
    private const string Columns = """
        objection_id, objection_number, request_id, registration_number, unit_id, grounds, status, filed_at, decision_due_date,
        decision, decided_at, decided_late, dispute_due_date, dispute_filed_at, version
        """;

    public static async Task<ObjectionRow?> FindAsync(NpgsqlDataSource db, string objectionNumber, CancellationToken ct) =>
        (await WhereAsync(db, "objection_number = @key", objectionNumber.Trim().ToUpperInvariant(), ct)).FirstOrDefault();

    public static Task<IReadOnlyList<ObjectionRow>> ForRequestAsync(NpgsqlDataSource db, Guid requestId, CancellationToken ct) =>
        WhereAsync(db, "request_id = @key", requestId, ct);

    public static Task<IReadOnlyList<ObjectionRow>> ForUnitsAsync(NpgsqlDataSource db, IReadOnlyCollection<string> unitIds, CancellationToken ct) =>
        WhereAsync(db, "unit_id = ANY(@key)", unitIds.ToArray(), ct);

    public static Task<IReadOnlyList<ObjectionRow>> UndecidedAsync(NpgsqlDataSource db, CancellationToken ct) =>
        WhereAsync(db, "status = @key", "filed", ct);

    private static async Task<IReadOnlyList<ObjectionRow>> WhereAsync<TKey>(NpgsqlDataSource db, string condition, TKey key, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ObjectionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM ppid_objections WHERE {condition} ORDER BY filed_at DESC", new { key }, cancellationToken: ct));
        return rows.AsList();
    }
}
