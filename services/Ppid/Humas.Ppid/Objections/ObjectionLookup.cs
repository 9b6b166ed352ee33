using System.Runtime.CompilerServices;
using Dapper;
using Humas.ServiceDefaults.Http;
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

    /// <summary>Filters of the objection register; all optional, combined. <paramref name="Limit"/> null reads every row.</summary>
    public sealed record Filter(IReadOnlyCollection<string> UnitIds, string? Status = null, string? Decision = null,
        DateTimeOffset? From = null, DateTimeOffset? To = null, int? Limit = Paging.DefaultLimit, ObjectionKey? After = null);

    /// <summary>Where a page of the register (newest first) ends: its last row's moment of filing and number.</summary>
    public sealed record ObjectionKey(DateTimeOffset FiledAt, string ObjectionNumber)
    {
        public static ObjectionKey Of(ObjectionRow row) => new(row.FiledAt, row.ObjectionNumber);
    }

    public static async Task<IReadOnlyList<ObjectionRow>> ListAsync(NpgsqlDataSource db, Filter filter, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ObjectionRow>(ListCommand(filter, ct))).AsList();
    }

    /// <summary>The rows one by one as the database sends them, for an export of any size.</summary>
    public static async IAsyncEnumerable<ObjectionRow> StreamAsync(NpgsqlDataSource db, Filter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var command = ListCommand(filter, ct);
        await foreach (var row in connection.QueryUnbufferedAsync<ObjectionRow>(command.CommandText, command.Parameters).WithCancellation(ct))
            yield return row;
    }

    private static CommandDefinition ListCommand(Filter filter, CancellationToken ct) => new($"""
        SELECT {Columns} FROM ppid_objections
        WHERE unit_id = ANY(@units)
          AND (@status::text IS NULL OR status = @status)
          AND (@decision::text IS NULL OR decision = @decision)
          AND (@from::timestamptz IS NULL OR filed_at >= @from)
          AND (@to::timestamptz IS NULL OR filed_at < @to)
          AND (@afterAt::timestamptz IS NULL OR (filed_at, objection_number) < (@afterAt, @afterNumber::text))
        ORDER BY filed_at DESC, objection_number DESC
        LIMIT @limit::int
        """,
        new
        {
            units = filter.UnitIds.ToArray(), status = filter.Status, decision = filter.Decision, from = filter.From?.ToUniversalTime(),
            to = filter.To?.ToUniversalTime(), limit = filter.Limit, afterAt = filter.After?.FiledAt.ToUniversalTime(), afterNumber = filter.After?.ObjectionNumber,
        },
        cancellationToken: ct);

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
