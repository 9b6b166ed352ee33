using Humas.Eventing.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Humas.Eventing;

public sealed class HousekeepingOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sent outbox rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan KeepSentOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Longer than any redelivery can come late: the broker's retries and a replay of the _error queue.</summary>
    public TimeSpan KeepInbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A client repeating a create request does so within minutes; a day is generous.</summary>
    public TimeSpan KeepIdempotencyKeys { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Keeps the bookkeeping tables from growing without end: relayed outbox rows, inbox ids and
/// idempotency keys past their use. Events are never deleted.
/// </summary>
public sealed partial class Housekeeping(NpgsqlDataSource dataSource, HousekeepingOptions options, ILogger<Housekeeping> logger) : BackgroundService
{
    public async Task<(int Outbox, int Inbox, int IdempotencyKeys)> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                WITH o AS (DELETE FROM outbox WHERE sent IS NOT NULL AND sent < now() - @outbox RETURNING 1),
                     i AS (DELETE FROM inbox WHERE received < now() - @inbox RETURNING 1),
                     k AS (DELETE FROM idempotency_keys WHERE created < now() - @keys RETURNING 1)
                SELECT (SELECT count(*) FROM o)::int AS outbox, (SELECT count(*) FROM i)::int AS inbox, (SELECT count(*) FROM k)::int AS idempotency_keys
                """);
            command.Parameters.AddWithValue("outbox", options.KeepSentOutbox);
            command.Parameters.AddWithValue("inbox", options.KeepInbox);
            command.Parameters.AddWithValue("keys", options.KeepIdempotencyKeys);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetInt32(reader.GetOrdinal("outbox")), reader.GetInt32(reader.GetOrdinal("inbox")), reader.GetInt32(reader.GetOrdinal("idempotency_keys")));
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw PostgresErrors.Translate(e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Interval, stoppingToken);
                var (outbox, inbox, keys) = await RunOnceAsync(stoppingToken);
                if (outbox + inbox + keys > 0) LogDeleted(logger, outbox, inbox, keys);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping deleted {Outbox} sent outbox rows, {Inbox} inbox ids, {Keys} idempotency keys")]
    private static partial void LogDeleted(ILogger logger, int outbox, int inbox, int keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
