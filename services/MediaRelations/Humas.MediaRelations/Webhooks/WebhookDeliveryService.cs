using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.MediaRelations.Feeds;
using Humas.MediaRelations.PressReleases;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.MediaRelations.Webhooks;

/// <summary>
/// Sends the deliveries owed (webhook_deliveries): the release's ninjs as it was at the event,
/// POSTed with the headers below, in order per subscription and release. A 2xx answer delivers
/// it; anything else (or no answer within 10 s) is retried after RetryBase × 2^(attempt−1), at
/// most an hour, and after MaxAttempts attempts the delivery is dead (kept in the log, not sent
/// again unless an officer replays it: see <see cref="DeadDeliveries"/>). A delivery whose
/// subscription ended is cancelled and never sent, and so is one whose target can no longer be
/// opened (its journalist's personal data erased). The target's URL and secret are opened for each
/// attempt only, and the URL is kept out of logs and of the attempt's trace span.
/// Replicas share the work: a batch is claimed by moving its next attempt a lease ahead.
/// <list type="bullet">
/// <item><c>Humas-Webhook-Id</c>: the delivery's id (the same on every retry: receivers deduplicate by it)</item>
/// <item><c>Humas-Webhook-Event</c>: <c>published</c>, <c>corrected</c> or <c>withdrawn</c></item>
/// <item><c>Humas-Webhook-Timestamp</c>: Unix seconds of this attempt</item>
/// <item><c>Humas-Webhook-Signature</c>: <c>v1=</c> and the hex HMAC-SHA-256, under the subscription's secret, of the timestamp, a full stop and the body</item>
/// </list>
/// </summary>
public sealed partial class WebhookDeliveryService(
    NpgsqlDataSource db, EventStore store, ReleaseFeeds feeds, PersonalDataVault vault, IConfiguration configuration, TimeProvider clock,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public const string IdHeader = "Humas-Webhook-Id";
    public const string EventHeader = "Humas-Webhook-Event";
    public const string TimestampHeader = "Humas-Webhook-Timestamp";
    public const string SignatureHeader = "Humas-Webhook-Signature";

    private readonly int maxAttempts = configuration.GetValue("Humas:Media:Webhooks:MaxAttempts", 8);
    private readonly TimeSpan retryBase = configuration.GetValue("Humas:Media:Webhooks:RetryBase", TimeSpan.FromSeconds(30));
    private readonly TimeSpan interval = configuration.GetValue("Humas:Media:Webhooks:PollInterval", TimeSpan.FromSeconds(2));
    private readonly string baseUri = (configuration["Humas:Media:PublicBaseUrl"] ?? "http://127.0.0.1:8080").TrimEnd('/');
    private readonly HttpClient http = new(SubscriberUrls.Handler(AllowPrivate(configuration))) { Timeout = TimeSpan.FromSeconds(10) };

    public static bool AllowPrivate(IConfiguration configuration) => configuration.GetValue("Humas:Media:Webhooks:AllowPrivateAddresses", false);

    /// <summary>The signature of a body sent at a time: what a receiver recomputes to trust it.</summary>
    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var signed = new byte[Encoding.ASCII.GetByteCount(timestamp.ToString(CultureInfo.InvariantCulture)) + 1 + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>When the attempt after <paramref name="attempts"/> failed ones is due, or null when the delivery is dead.</summary>
    public static TimeSpan? Backoff(int attempts, int maxAttempts, TimeSpan retryBase) =>
        attempts >= maxAttempts ? null : TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, retryBase.Ticks * (1L << Math.Min(attempts - 1, 20))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private sealed record Due(long Seq, Guid DeliveryId, Guid SubscriptionId, Guid ReleaseId, long StreamVersion, string Kind, int Attempts, int AttemptsBeforeReplay,
        StoredTarget Target);

    /// <summary>Sends one batch of due deliveries; answers how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = new List<Due>();
        await using (var command = db.CreateCommand("""
            UPDATE webhook_deliveries d SET next_attempt_at = @lease
            FROM webhook_subscriptions s
            WHERE s.subscription_id = d.subscription_id AND s.active AND d.seq IN (
                SELECT p.seq FROM webhook_deliveries p
                WHERE p.status = 'pending' AND p.next_attempt_at <= @now
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.subscription_id = p.subscription_id AND e.release_id = p.release_id
                                  AND e.status = 'pending' AND e.seq < p.seq)
                ORDER BY p.seq LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING d.seq, d.delivery_id, d.subscription_id, d.release_id, d.stream_version, d.kind, d.attempts, d.attempts_before_replay,
                s.personal_data_subject, s.sealed_target, s.url, s.sealed_secret
            """))
        {
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("lease", now.AddMinutes(2));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                due.Add(new Due(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetInt64(4), reader.GetString(5),
                    reader.GetInt32(6), reader.GetInt32(7), new StoredTarget(reader.IsDBNull(8) ? null : reader.GetGuid(8), Text(reader, 9), Text(reader, 10), Text(reader, 11))));
        }
        foreach (var delivery in due) await SendAsync(delivery, ct);
        return due.Count;
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private async Task SendAsync(Due delivery, CancellationToken ct)
    {
        // Opened only here, for this attempt; nothing keeps or logs it. None: the journalist was erased.
        if (await delivery.Target.OpenAsync(vault, delivery.SubscriptionId, ct) is not { } target)
        {
            await CancelAsync(delivery.Seq, ct);
            return;
        }
        var attempt = delivery.Attempts + 1;
        int? status = null;
        string? error = null;
        try
        {
            var events = await store.ReadStreamsAsync([PressRelease.StreamId(delivery.ReleaseId)], ct);
            var release = events.Values.Single().Where(e => e.Version <= delivery.StreamVersion).Select(e => e.Data).Aggregate(PressRelease.Initial, PressRelease.Evolve);
            var body = JsonSerializer.SerializeToUtf8Bytes(feeds.NinjsItem(release, baseUri));
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
            Telemetry.KeepAddressOut(request);
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            request.Headers.Add(IdHeader, delivery.DeliveryId.ToString());
            request.Headers.Add(EventHeader, delivery.Kind);
            request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SignatureHeader, Sign(target.Secret, timestamp, body));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The subscriber's URL may identify them and the message may echo it: keep the kind only.
            error = e is TaskCanceledException ? "timeout" : e.InnerException?.GetType().Name ?? "connection failed";
        }

        var now = clock.GetUtcNow();
        var next = error is null ? null : Backoff(attempt - delivery.AttemptsBeforeReplay, maxAttempts, retryBase);
        var state = error is null ? "delivered" : next is null ? "dead" : "pending";
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var log = new NpgsqlCommand(
            "INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code, error) VALUES (@id, @attempt, @at, @status, @error) ON CONFLICT DO NOTHING",
            connection, transaction))
        {
            log.Parameters.AddWithValue("id", delivery.DeliveryId);
            log.Parameters.AddWithValue("attempt", attempt);
            log.Parameters.AddWithValue("at", now);
            log.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
            log.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
            await log.ExecuteNonQueryAsync(ct);
        }
        await using (var update = new NpgsqlCommand("""
            UPDATE webhook_deliveries SET attempts = @attempt, next_attempt_at = @next,
                -- One cancelled while in flight stays cancelled.
                status = CASE WHEN status = 'pending' THEN @state ELSE status END,
                delivered_at = CASE WHEN @state = 'delivered' AND status = 'pending' THEN @now ELSE delivered_at END
            WHERE seq = @seq
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("attempt", attempt);
            update.Parameters.AddWithValue("state", state);
            update.Parameters.AddWithValue("next", now + (next ?? TimeSpan.Zero));
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("seq", delivery.Seq);
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (state == "dead") LogDead(logger, delivery.DeliveryId, attempt);
    }

    private async Task CancelAsync(long seq, CancellationToken ct)
    {
        await using var command = db.CreateCommand("UPDATE webhook_deliveries SET status = 'cancelled' WHERE seq = @seq AND status = 'pending'");
        command.Parameters.AddWithValue("seq", seq);
        await command.ExecuteNonQueryAsync(ct);
    }

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} is dead after {Attempts} attempts")]
    private static partial void LogDead(ILogger logger, Guid deliveryId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery sweep failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
