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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (relayed, failed) = await RelayBatchAsync(stoppingToken);
                failures = failed > 0 ? failures + 1 : 0;
                if (failed == 0 && relayed == options.BatchSize) continue;
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

    /// <summary>Publishes one batch; returns how many rows were relayed and how many failed.</summary>
    public async Task<(int Relayed, int Failed)> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = await ReadBatchAsync(connection, transaction, ct);
        if (rows.Count == 0) return (0, 0);

        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, ct)));
        var sent = rows.Where((_, i) => outcomes[i]).Select(r => r.Seq).ToArray();
        var failed = rows.Where((_, i) => !outcomes[i]).Select(r => r.Seq).ToArray();

        // The marks need not wait for the disk: a mark lost in a database crash only sends its
        // row again (at least once; consumers deduplicate by message id), and a row is never
        // marked before the broker confirmed it.
        await using (var mark = new NpgsqlCommand(
            "SET LOCAL synchronous_commit = off; UPDATE outbox SET sent = now(), attempts = attempts + 1 WHERE seq = ANY(@sent); UPDATE outbox SET attempts = attempts + 1 WHERE seq = ANY(@failed)",
            connection, transaction))
        {
            mark.Parameters.AddWithValue("sent", sent);
            mark.Parameters.AddWithValue("failed", failed);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        Published.Add(sent.Length);
        Failed.Add(failed.Length);
        return (sent.Length, failed.Length);
    }

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

    private async Task<bool> PublishAsync(OutboxRow row, CancellationToken ct)
    {
        var type = messageTypes.Find(row.MessageType);
        if (type is null)
        {
            LogUnknownType(logger, row.Seq, row.MessageType);
            return false;
        }

        using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, ParentOf(row.Headers));
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("messaging.message.type", type.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        try
        {
            var message = EventSerializer.Deserialize(row.Body, type);
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), timeout.Token);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            LogPublishFailed(logger, row.Seq, e.GetType().Name, e.Message);
            return false;
        }
    }

    private static ActivityContext ParentOf(string headers)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(headers, EventSerializer.Options);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not run a batch: {ErrorType}: {Error}")]
    private static partial void LogRelayFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Seq} not published: {ErrorType}: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, long seq, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Seq} has unknown message type {MessageType}")]
    private static partial void LogUnknownType(ILogger logger, long seq, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox listener lost its connection: {ErrorType}: {Error}")]
    private static partial void LogListenFailed(ILogger logger, string errorType, string error);
}
