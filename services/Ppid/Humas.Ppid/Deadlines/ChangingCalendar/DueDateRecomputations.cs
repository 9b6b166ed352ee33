using Dapper;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Ppid.Deadlines.ChangingCalendar;

/// <summary>
/// The recomputation a calendar change asks for, as a row written in the change's own transaction
/// (so that no change is ever left without one), and how far it has come.
/// </summary>
public static class DueDateRecomputations
{
    /// <summary>What an administrator follows: pending, running, retrying (some streams failed; tried again) or completed.</summary>
    public sealed record View(long CalendarVersion, string Status, string Cause, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt,
        DateTimeOffset? CompletedAt, long? CoveredBy, int RequestsChanged, int ObjectionsChanged, int FailedStreams, DateTimeOffset? RetryAt);

    public sealed record Row(long CalendarVersion, string Cause, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
        long? CoveredBy, string Phase, Guid Checkpoint, int RequestsChanged, int ObjectionsChanged, int PassFailures, int FailedStreams, int Passes,
        DateTimeOffset? RetryAt)
    {
        public View ToView() => new(CalendarVersion, CompletedAt is not null ? "completed" : FailedStreams > 0 ? "retrying" : StartedAt is not null ? "running" : "pending",
            Cause, RequestedAt, StartedAt, CompletedAt, CoveredBy, RequestsChanged, ObjectionsChanged, FailedStreams, RetryAt);
    }

    private const string Columns = """
        calendar_version, cause, requested_at, started_at, completed_at, covered_by, phase, checkpoint, requests_changed, objections_changed,
        pass_failures, failed_streams, passes, retry_at
        """;

    public static async Task RecordAsync(EventSession session, long calendarVersion, string cause, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ppid_due_date_recomputations (calendar_version, cause) VALUES (@calendarVersion, @cause)",
            new { calendarVersion, cause }, session.Transaction, cancellationToken: ct));

    public static async Task<Row?> FindAsync(NpgsqlDataSource db, long calendarVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM ppid_due_date_recomputations WHERE calendar_version = @calendarVersion", new { calendarVersion }, cancellationToken: ct));
    }

    /// <summary>The latest change not yet recomputed: one pass with the current calendar covers every earlier one too.</summary>
    public static async Task<Row?> LatestPendingAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM ppid_due_date_recomputations WHERE completed_at IS NULL ORDER BY calendar_version DESC LIMIT 1", cancellationToken: ct));

    /// <summary>The causes of every pending change up to <paramref name="calendarVersion"/>, oldest first: what a pass records as the cause.</summary>
    public static async Task<string> CausesUpToAsync(NpgsqlConnection connection, long calendarVersion, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<string>(new CommandDefinition("""
            SELECT string_agg(cause, '; ' ORDER BY calendar_version) FROM ppid_due_date_recomputations
            WHERE completed_at IS NULL AND calendar_version <= @calendarVersion
            """, new { calendarVersion }, cancellationToken: ct)) ?? "";

    public static Task StartAsync(NpgsqlConnection connection, long calendarVersion, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ppid_due_date_recomputations SET started_at = coalesce(started_at, now()), retry_at = NULL WHERE calendar_version = @calendarVersion",
            new { calendarVersion }, cancellationToken: ct));

    /// <summary>Saves the pass's place after a batch: the streams before it are done (a stream done again changes nothing).</summary>
    public static Task CheckpointAsync(NpgsqlConnection connection, long calendarVersion, string phase, Guid checkpoint, int requestsChanged,
        int objectionsChanged, int failures, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ppid_due_date_recomputations
            SET phase = @phase, checkpoint = @checkpoint, requests_changed = requests_changed + @requestsChanged,
                objections_changed = objections_changed + @objectionsChanged, pass_failures = pass_failures + @failures
            WHERE calendar_version = @calendarVersion
            """, new { calendarVersion, phase, checkpoint, requestsChanged, objectionsChanged, failures }, cancellationToken: ct));

    /// <summary>The pass reached the end: with no failure every change up to this one is done; otherwise the pass runs again later.</summary>
    public static Task FinishPassAsync(NpgsqlConnection connection, long calendarVersion, TimeSpan retryAfter, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ppid_due_date_recomputations p
            SET completed_at = now(), covered_by = @calendarVersion
            FROM ppid_due_date_recomputations j
            WHERE j.calendar_version = @calendarVersion AND j.pass_failures = 0
              AND p.completed_at IS NULL AND p.calendar_version <= @calendarVersion;
            UPDATE ppid_due_date_recomputations
            SET passes = passes + 1, failed_streams = pass_failures, pass_failures = 0, phase = 'requests',
                checkpoint = '00000000-0000-0000-0000-000000000000',
                retry_at = CASE WHEN pass_failures > 0 THEN now() + @retryAfter END
            WHERE calendar_version = @calendarVersion;
            """, new { calendarVersion, retryAfter }, cancellationToken: ct));

    /// <summary>The next open requests after <paramref name="after"/>, in id order.</summary>
    public static async Task<IReadOnlyList<Guid>> OpenRequestsAfterAsync(NpgsqlConnection connection, Guid after, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT request_id FROM ppid_requests
            WHERE status IN ('registered', 'awaiting-clarification') AND request_id > @after
            ORDER BY request_id LIMIT @limit
            """, new { after, limit }, cancellationToken: ct))).AsList();

    public sealed record UndecidedObjection(Guid ObjectionId, string UnitId);

    /// <summary>The next undecided objections after <paramref name="after"/>, in id order, with the unit their request is at now.</summary>
    public static async Task<IReadOnlyList<UndecidedObjection>> UndecidedObjectionsAfterAsync(NpgsqlConnection connection, Guid after, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<UndecidedObjection>(new CommandDefinition("""
            SELECT objection_id, unit_id FROM ppid_objections
            WHERE status = 'filed' AND objection_id > @after
            ORDER BY objection_id LIMIT @limit
            """, new { after, limit }, cancellationToken: ct))).AsList();
}
