using Npgsql;

namespace Humas.Ppid.Requests;

public sealed record RequestRow(Guid RequestId, string RegistrationNumber, string UnitId, string Channel, string Status, string? Outcome,
    DateTimeOffset ReceivedAt, DateOnly DueDate, bool DueDateProvisional, bool Extended, bool Overdue, DateTimeOffset? ClosedAt,
    int? AnswerWorkingDays, string? Exemption, bool RequesterErased, string? RequesterAccount, string AccessCodeHash, long Version,
    Guid RequesterSubject, string InformationRequested, string SealedRequester);

/// <summary>Reads of the register table; filters are optional and combine.</summary>
public static class RequestLookup
{
    private const string Columns = """
        request_id, registration_number, unit_id, channel, status, outcome, received_at, due_date, due_date_provisional, extended, overdue,
        closed_at, answer_working_days, exemption, requester_erased, requester_account, access_code_hash, version,
        requester_subject, information_requested, sealed_requester
        """;

    public sealed record Filter(IReadOnlyCollection<string> UnitIds, string? Status = null, string? Outcome = null,
        DateTimeOffset? From = null, DateTimeOffset? To = null, bool? Overdue = null, int Limit = 1000);

    public static async Task<RequestRow?> FindAsync(NpgsqlDataSource db, string registrationNumber, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM ppid_requests WHERE registration_number = @number");
        command.Parameters.AddWithValue("number", registrationNumber.Trim().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public static async Task<IReadOnlyList<RequestRow>> ListAsync(NpgsqlDataSource db, Filter filter, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {Columns} FROM ppid_requests
            WHERE unit_id = ANY(@units)
              AND (@status::text IS NULL OR status = @status)
              AND (@outcome::text IS NULL OR outcome = @outcome)
              AND (@from::timestamptz IS NULL OR received_at >= @from)
              AND (@to::timestamptz IS NULL OR received_at < @to)
              AND (@overdue::boolean IS NULL OR overdue = @overdue)
            ORDER BY received_at DESC, registration_number DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("units", filter.UnitIds.ToArray());
        command.Parameters.AddWithValue("status", (object?)filter.Status ?? DBNull.Value);
        command.Parameters.AddWithValue("outcome", (object?)filter.Outcome ?? DBNull.Value);
        command.Parameters.AddWithValue("from", (object?)filter.From?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("to", (object?)filter.To?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("overdue", (object?)filter.Overdue ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", filter.Limit);
        var rows = new List<RequestRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    /// <summary>Open requests whose due date is on or before the given date: candidates for overdue detection.</summary>
    public static Task<IReadOnlyList<RequestRow>> OpenDueByAsync(NpgsqlDataSource db, DateOnly date, CancellationToken ct) =>
        OpenAsync(db, date, includeOverdue: false, ct);

    /// <summary>Every open request, overdue or not: those whose due dates a calendar change can move.</summary>
    public static Task<IReadOnlyList<RequestRow>> OpenAsync(NpgsqlDataSource db, CancellationToken ct) =>
        OpenAsync(db, DateOnly.MaxValue, includeOverdue: true, ct);

    private static async Task<IReadOnlyList<RequestRow>> OpenAsync(NpgsqlDataSource db, DateOnly dueBy, bool includeOverdue, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"""
            SELECT {Columns} FROM ppid_requests
            WHERE status IN ('registered', 'awaiting-clarification') AND due_date <= @date AND (@includeOverdue OR NOT overdue)
            """);
        command.Parameters.AddWithValue("date", dueBy);
        command.Parameters.AddWithValue("includeOverdue", includeOverdue);
        var rows = new List<RequestRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    private static RequestRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
        r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateOnly>(7), r.GetBoolean(8), r.GetBoolean(9), r.GetBoolean(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11), r.IsDBNull(12) ? null : r.GetInt32(12), r.IsDBNull(13) ? null : r.GetString(13),
        r.GetBoolean(14), r.IsDBNull(15) ? null : r.GetString(15), r.GetString(16), r.GetInt64(17),
        r.GetGuid(18), r.GetString(19), r.GetString(20));
}
