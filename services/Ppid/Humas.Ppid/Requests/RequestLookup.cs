using System.Runtime.CompilerServices;
using Dapper;
using Humas.ServiceDefaults.Http;
using Npgsql;

namespace Humas.Ppid.Requests;

public sealed record RequestRow(Guid RequestId, string RegistrationNumber, string UnitId, string Channel, string Status, string? Outcome,
    DateTimeOffset ReceivedAt, DateOnly DueDate, bool DueDateProvisional, bool Extended, bool Overdue, DateTimeOffset? ClosedAt,
    int? AnswerWorkingDays, string? Exemption, bool RequesterErased, string? RequesterAccount, string AccessCodeHash, long Version,
    Guid RequesterSubject, string InformationRequested, string SealedRequester);

/// <summary>
/// Reads of the register table; filters are optional and combine. Rows map to <see cref="RequestRow"/>
/// by column name (see Humas.Eventing.Store.DapperMapping).
/// </summary>
public static class RequestLookup
{
    private const string Columns = """
        request_id, registration_number, unit_id, channel, status, outcome, received_at, due_date, due_date_provisional, extended, overdue,
        closed_at, answer_working_days, exemption, requester_erased, requester_account, access_code_hash, version,
        requester_subject, information_requested, sealed_requester
        """;

    /// <summary>Filters of the register; all optional, combined. <paramref name="Limit"/> null reads every row.</summary>
    public sealed record Filter(IReadOnlyCollection<string> UnitIds, string? Status = null, string? Outcome = null,
        DateTimeOffset? From = null, DateTimeOffset? To = null, bool? Overdue = null, int? Limit = Paging.DefaultLimit, RegisterKey? After = null);

    /// <summary>Where a page of the register (newest first) ends: its last row's moment of receipt and number.</summary>
    public sealed record RegisterKey(DateTimeOffset ReceivedAt, string RegistrationNumber)
    {
        public static RegisterKey Of(RequestRow row) => new(row.ReceivedAt, row.RegistrationNumber);
    }

    public static async Task<RequestRow?> FindAsync(NpgsqlDataSource db, string registrationNumber, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RequestRow>(new CommandDefinition(
            $"SELECT {Columns} FROM ppid_requests WHERE registration_number = @number",
            new { number = registrationNumber.Trim().ToUpperInvariant() }, cancellationToken: ct));
    }

    public static async Task<IReadOnlyList<RequestRow>> ListAsync(NpgsqlDataSource db, Filter filter, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<RequestRow>(ListCommand(filter, ct))).AsList();
    }

    /// <summary>The rows one by one as the database sends them, for an export of any size.</summary>
    public static async IAsyncEnumerable<RequestRow> StreamAsync(NpgsqlDataSource db, Filter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var command = ListCommand(filter, ct);
        await foreach (var row in connection.QueryUnbufferedAsync<RequestRow>(command.CommandText, command.Parameters).WithCancellation(ct))
            yield return row;
    }

    private static CommandDefinition ListCommand(Filter filter, CancellationToken ct) => new($"""
        SELECT {Columns} FROM ppid_requests
        WHERE unit_id = ANY(@units)
          AND (@status::text IS NULL OR status = @status)
          AND (@outcome::text IS NULL OR outcome = @outcome)
          AND (@from::timestamptz IS NULL OR received_at >= @from)
          AND (@to::timestamptz IS NULL OR received_at < @to)
          AND (@overdue::boolean IS NULL OR overdue = @overdue)
          AND (@afterAt::timestamptz IS NULL OR (received_at, registration_number) < (@afterAt, @afterNumber::text))
        ORDER BY received_at DESC, registration_number DESC
        LIMIT @limit::int
        """,
        new
        {
            units = filter.UnitIds.ToArray(), status = filter.Status, outcome = filter.Outcome, from = filter.From?.ToUniversalTime(),
            to = filter.To?.ToUniversalTime(), overdue = filter.Overdue, limit = filter.Limit,
            afterAt = filter.After?.ReceivedAt.ToUniversalTime(), afterNumber = filter.After?.RegistrationNumber,
        },
        cancellationToken: ct);

    /// <summary>Open requests whose due date is on or before the given date: candidates for overdue detection.</summary>
    public static Task<IReadOnlyList<RequestRow>> OpenDueByAsync(NpgsqlDataSource db, DateOnly date, CancellationToken ct) =>
        OpenAsync(db, date, includeOverdue: false, ct);

    private static async Task<IReadOnlyList<RequestRow>> OpenAsync(NpgsqlDataSource db, DateOnly dueBy, bool includeOverdue, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RequestRow>(new CommandDefinition($"""
            SELECT {Columns} FROM ppid_requests
            WHERE status IN ('registered', 'awaiting-clarification') AND due_date <= @date AND (@includeOverdue OR NOT overdue)
            ORDER BY due_date, request_id
            """, new { date = dueBy, includeOverdue }, cancellationToken: ct));
        return rows.AsList();
    }
}
