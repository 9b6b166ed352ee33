using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Humas.Eventing.Store;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Humas.Eventing.Outbox;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ and marks them sent only once the broker has
/// confirmed them. Woken in process when a session of this process commits outbox rows
/// (<see cref="OutboxSignal"/>), by NOTIFY from processes that run no relay, and polls as a
/// fallback. While the broker or the database is away, rows wait: they are never dropped.
/// Several replicas share the work through SKIP LOCKED.
/// A row that fails by its own fault (a message type this build does not know, a body that does
/// not read as its type, or a publish that fails while the broker takes other messages) counts a
/// failure; after <see cref="OutboxRelayOptions.DeadLetterAfterFailures"/> it moves to
/// <c>outbox_dead_letters</c>, where it no longer holds back the rows after it, shows as Degraded in
/// /health/ready and waits for <c>outbox_replay()</c> (README: replaying dead-lettered outbox messages).
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    MessageTypeRegistry messageTypes,
    OutboxSignal signal,
    IBus bus,
    OutboxRelayOptions options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("Humas.Eventing");
    private static readonly Meter Meter = new("Humas.Eventing");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("humas.outbox.published");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("humas.outbox.publish_failures");

    /// <summary>Outbox rows moved to outbox_dead_letters.</summary>
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("humas.outbox.dead_lettered");

    /// <summary>What one batch came to.</summary>
    public sealed record BatchOutcome(int Read, int Relayed, int Failed, int DeadLettered, bool BrokerFailing);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await RelayBatchAsync(stoppingToken);
                // Only a failing broker slows the relay down; a poison row is counted and, in the end, set aside.
                failures = batch.BrokerFailing ? failures + 1 : 0;
                if (!batch.BrokerFailing && batch.Read == options.BatchSize) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                LogRelayFailed(logger, e.GetType().Name, e.Message);
            }

            var wait = failures == 0 ? options.PollInterval : Backoff(failures);
            await signal.WaitAsync(wait, stoppingToken);
        }
        await listening;
    }

    /// <summary>Publishes one batch, counts the failures rows are to blame for, and sets aside the rows that failed too often.</summary>
    public async Task<BatchOutcome> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = await ReadBatchAsync(connection, transaction, ct);
        if (rows.Count == 0) return new BatchOutcome(0, 0, 0, 0, false);

        var attempts = await Task.WhenAll(rows.Select(row => PublishAsync(row, ct)));
        var sent = attempts.Where(a => a.Published).Select(a => a.Row.Seq).ToArray();
        var failed = attempts.Where(a => !a.Published).ToArray();
        // A publish that fails while the broker takes other messages is the message's fault; when
        // every publish fails and the bus is not connected, the broker is away and nobody is blamed.
        var brokerWorks = sent.Length > 0 || BusIsHealthy();
        var blamed = failed.Where(a => a.RowAtFault || brokerWorks).ToArray();

        // The marks need not wait for the disk: a mark lost in a database crash only sends its
        // row again (at least once; consumers deduplicate by message id), and a row is never
        // marked before the broker confirmed it.
        await using (var mark = new NpgsqlCommand("""
            SET LOCAL synchronous_commit = off;
            UPDATE outbox SET sent = now(), attempts = attempts + 1 WHERE seq = ANY(@sent);
            UPDATE outbox SET attempts = attempts + 1 WHERE seq = ANY(@failed);
            UPDATE outbox o SET failures = o.failures + 1, last_error = b.error FROM unnest(@blamed, @errors) AS b(seq, error) WHERE o.seq = b.seq;
            """, connection, transaction))
        {
            mark.Parameters.AddWithValue("sent", sent);
            mark.Parameters.AddWithValue("failed", failed.Select(a => a.Row.Seq).ToArray());
            mark.Parameters.AddWithValue("blamed", blamed.Select(a => a.Row.Seq).ToArray());
            mark.Parameters.AddWithValue("errors", blamed.Select(a => a.Error ?? "").ToArray());
            await mark.ExecuteNonQueryAsync(ct);
        }
        var deadLettered = blamed.Length == 0 ? 0 : await DeadLetterAsync(connection, transaction, blamed.Select(a => a.Row.Seq).ToArray(), ct);
        await transaction.CommitAsync(ct);

        Published.Add(sent.Length);
        Failed.Add(failed.Length);
        if (deadLettered > 0)
        {
            DeadLettered.Add(deadLettered);
            LogDeadLettered(logger, deadLettered, options.DeadLetterAfterFailures);
        }
        return new BatchOutcome(rows.Count, sent.Length, failed.Length, deadLettered, failed.Length > blamed.Length);
    }

    private async Task<int> DeadLetterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] candidates, CancellationToken ct)
    {
        await using var move = new NpgsqlCommand("""
            WITH dead AS (
                DELETE FROM outbox WHERE seq = ANY(@candidates) AND failures >= @limit
                RETURNING seq, message_id, message_type, body, headers, created, attempts, failures, last_error)
            INSERT INTO outbox_dead_letters (seq, message_id, message_type, body, headers, created, attempts, failures, last_error)
            SELECT seq, message_id, message_type, body, headers, created, attempts, failures, last_error FROM dead
            """, connection, transaction);
        move.Parameters.AddWithValue("candidates", candidates);
        move.Parameters.AddWithValue("limit", options.DeadLetterAfterFailures);
        return await move.ExecuteNonQueryAsync(ct);
    }

    private bool BusIsHealthy() => bus is IBusControl control && control.CheckHealth().Status == BusHealthStatus.Healthy;

    private async Task<List<OutboxRow>> ReadBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var select = new NpgsqlCommand(
            "SELECT seq, message_id, message_type, body::text AS body, headers::text AS headers FROM outbox WHERE sent IS NULL ORDER BY seq LIMIT @limit FOR UPDATE SKIP LOCKED",
            connection, transaction);
        select.Parameters.AddWithValue("limit", options.BatchSize);
        var rows = new List<OutboxRow>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        int seq = reader.GetOrdinal("seq"), messageId = reader.GetOrdinal("message_id"), messageType = reader.GetOrdinal("message_type"),
            body = reader.GetOrdinal("body"), headers = reader.GetOrdinal("headers");
        while (await reader.ReadAsync(ct))
            rows.Add(new OutboxRow(reader.GetInt64(seq), reader.GetGuid(messageId), reader.GetString(messageType), reader.GetString(body), reader.GetString(headers)));
        return rows;
    }

    private async Task<Attempt> PublishAsync(OutboxRow row, CancellationToken ct)
    {
        var type = messageTypes.Find(row.MessageType);
        if (type is null)
        {
            LogUnknownType(logger, row.Seq, row.MessageType);
            return new Attempt(row, false, true, $"unknown message type {row.MessageType}");
        }

        object message;
        try
        {
            message = EventSerializer.Deserialize(row.Body, type);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            LogUnreadable(logger, row.Seq, type.Name, e.GetType().Name);
            return new Attempt(row, false, true, $"body does not read as {type.Name}: {e.GetType().Name}: {e.Message}");
        }

        using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, ParentOf(row.Headers));
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("messaging.message.type", type.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        try
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), timeout.Token);
            return new Attempt(row, true, false, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            LogPublishFailed(logger, row.Seq, e.GetType().Name, e.Message);
            return new Attempt(row, false, false, $"publish failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ActivityContext ParentOf(string headers)
    {
        Dictionary<string, string?>? values;
        try { values = JsonSerializer.Deserialize<Dictionary<string, string?>>(headers, EventSerializer.Options); }
        catch (JsonException) { return default; } // a trace link is not worth holding a message back for
        return values?.GetValueOrDefault("traceparent") is { } traceParent && ActivityContext.TryParse(traceParent, null, out var context)
            ? context
            : default;
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => signal.Raise();
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxWriter.NotificationChannel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                signal.Raise(); // rows may have arrived while nobody listened
                while (!ct.IsCancellationRequested)
                    await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogListenFailed(logger, e.GetType().Name, e.Message);
                try { await Task.Delay(options.PollInterval, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(options.MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));

    private sealed record OutboxRow(long Seq, Guid MessageId, string MessageType, string Body, string Headers);

    /// <summary>One publish: done, or failed with the row itself at fault (it can never be published as it is) or not.</summary>
    private sealed record Attempt(OutboxRow Row, bool Published, bool RowAtFault, string? Error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not run a batch: {ErrorType}: {Error}")]
    private static partial void LogRelayFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Seq} not published: {ErrorType}: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, long seq, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Seq} has unknown message type {MessageType}")]
    private static partial void LogUnknownType(ILogger logger, long seq, string messageType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Seq} does not read as {MessageType}: {ErrorType}")]
    private static partial void LogUnreadable(ILogger logger, long seq, string messageType, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} outbox rows failed {Limit} times and were moved to outbox_dead_letters; replay them with outbox_replay() once the cause is fixed")]
    private static partial void LogDeadLettered(ILogger logger, int count, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox listener lost its connection: {ErrorType}: {Error}")]
    private static partial void LogListenFailed(ILogger logger, string errorType, string error);
}
