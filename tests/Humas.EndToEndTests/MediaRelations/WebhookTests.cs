using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.MediaRelations;

/// <summary>
/// Webhooks through the gateway to a real HTTP receiver this test starts on 127.0.0.1 (the
/// development configuration allows loopback subscribers): signed ninjs for a publication and a
/// withdrawal, a retry after a failed answer, a dead delivery after the last attempt, and the
/// delivery log the subscriber reads.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "rahasia-langganan-uji-01";

    /// <summary>
    /// An HTTP server on a free loopback port that records what it receives and answers the statuses
    /// it is given, then <see cref="Always"/>; while <see cref="Hold"/> is set, it answers nothing until it completes.
    /// </summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly ConcurrentQueue<int> statuses;

        public int Always { get; set; }

        public TaskCompletionSource? Hold { get; set; }

        public sealed record Received(string DeliveryId, string Event, string Timestamp, string Signature, byte[] Body, JsonElement Ninjs);

        public ConcurrentQueue<Received> Requests { get; } = new();

        public string Url { get; }

        public Receiver(int[]? first = null, int always = 200)
        {
            statuses = new ConcurrentQueue<int>(first ?? []);
            Always = always;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            // A path of its own, so the test can look for this URL anywhere it must not be.
            Url = $"http://127.0.0.1:{port}/hooks/{Guid.NewGuid():N}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(LoopAsync);
        }

        private async Task LoopAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) { return; }
                using var buffer = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(buffer);
                var body = buffer.ToArray();
                Requests.Enqueue(new Received(context.Request.Headers["Humas-Webhook-Id"] ?? "", context.Request.Headers["Humas-Webhook-Event"] ?? "",
                    context.Request.Headers["Humas-Webhook-Timestamp"] ?? "", context.Request.Headers["Humas-Webhook-Signature"] ?? "", body,
                    JsonDocument.Parse(body).RootElement.Clone()));
                if (Hold is { } hold) await hold.Task;
                context.Response.StatusCode = statuses.TryDequeue(out var status) ? status : Always;
                context.Response.Close();
            }
        }

        public IEnumerable<Received> For(Guid releaseId) =>
            Requests.Where(r => r.Ninjs.GetProperty("uri").GetString()!.EndsWith(releaseId.ToString(), StringComparison.Ordinal));

        public void Dispose() => listener.Close();
    }

    private static async Task<(Guid SubscriptionId, HttpClient Account)> SubscribeAsync(Receiver receiver)
    {
        var (subscriptionId, account, _) = await SubscribeAsync(receiver, await Steps.AsAsync("humas-officer", "kpu-33"));
        return (subscriptionId, account);
    }

    private static async Task<(Guid SubscriptionId, HttpClient Account, Guid JournalistId)> SubscribeAsync(Receiver receiver, HttpClient officer)
    {
        var (journalistId, _, account) = await JournalistTests.AccreditedAsync(officer);
        var response = await account.PostAsJsonAsync("/api/media/webhooks", new
        {
            journalistId, url = receiver.Url, secret = Secret, unitIds = new[] { "kpu-33" }, subjects = new[] { "pemilu" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(view.TryGetProperty("secret", out _));
        return (view.GetProperty("subscriptionId").GetGuid(), account, journalistId);
    }

    private static async Task<JsonElement> DeliveryAsync(HttpClient account, Guid subscriptionId, Guid releaseId) =>
        (await Steps.GetAsync(account, $"/api/media/webhooks/{subscriptionId}/deliveries")).EnumerateArray().SingleOrDefault(d => d.GetProperty("releaseId").GetGuid() == releaseId);

    private static async Task<Guid> PublishedAsync(string headline)
    {
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync(headline);
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { }, version));
        return releaseId;
    }

    private static async Task<JsonElement> DeadAsync(HttpClient account, Guid subscriptionId, Guid releaseId)
    {
        JsonElement delivery = default;
        await Gateway.EventuallyAsync(async () =>
        {
            delivery = await DeliveryAsync(account, subscriptionId, releaseId);
            return delivery.ValueKind == JsonValueKind.Object && delivery.GetProperty("status").GetString() == "dead";
        }, TimeSpan.FromSeconds(60), "the delivery to be dead after its attempts");
        return delivery;
    }

    [Fact]
    public async Task Revoking_a_journalist_ends_their_subscriptions_at_once_even_with_a_delivery_in_flight()
    {
        using var receiver = new Receiver(always: 503) { Hold = new TaskCompletionSource() };
        var officer = await Steps.AsAsync("humas-officer", "kpu-33");
        var (subscriptionId, account, journalistId) = await SubscribeAsync(receiver, officer);
        var releaseId = await PublishedAsync("Sebelum pencabutan");
        await Gateway.EventuallyAsync(() => Task.FromResult(receiver.For(releaseId).Any()), TimeSpan.FromSeconds(60), "the delivery to be in flight");

        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{journalistId}/revoke", new { reason = "Melanggar embargo" }, 3));
        receiver.Hold.SetResult();
        var after = await PublishedAsync("Sesudah pencabutan");
        // Retries come after 1 s and 2 s in development: none may come, and nothing for the later release.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(receiver.For(releaseId));
        Assert.Empty(receiver.For(after));
        var cancelled = await DeliveryAsync(account, subscriptionId, releaseId);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Undefined, (await DeliveryAsync(account, subscriptionId, after)).ValueKind);

        // Accredited again: the old subscription stays ended.
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{journalistId}/accredit", new { }, 4));
        var again = await PublishedAsync("Sesudah akreditasi ulang");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(receiver.For(again));
    }

    [Fact]
    public async Task Officers_list_dead_deliveries_and_replay_one_or_all_which_are_then_sent_again_signed_with_the_same_id()
    {
        using var receiver = new Receiver(always: 503);
        var officer = await Steps.AsAsync("humas-officer", "kpu-33");
        var (subscriptionId, account, _) = await SubscribeAsync(receiver, officer);
        var first = await PublishedAsync("Diulang satu");
        var second = await PublishedAsync("Diulang semua");
        var firstDelivery = (await DeadAsync(account, subscriptionId, first)).GetProperty("deliveryId").GetGuid();
        var secondDelivery = (await DeadAsync(account, subscriptionId, second)).GetProperty("deliveryId").GetGuid();

        var dead = await Steps.GetAsync(officer, "/api/media/webhooks/dead?unitId=kpu-33");
        var listed = dead.EnumerateArray().Single(d => d.GetProperty("deliveryId").GetGuid() == firstDelivery);
        Assert.Equal(3, listed.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 503", listed.GetProperty("lastError").GetString());
        Assert.False(listed.TryGetProperty("url", out _));
        Assert.Contains(dead.EnumerateArray(), d => d.GetProperty("deliveryId").GetGuid() == secondDelivery);
        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync("/api/media/webhooks/dead?unitId=kpu-33")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.GetAsync("/api/media/webhooks/dead?unitId=kpu-33")).StatusCode);
        var otherProvince = await Steps.AsAsync("humas-officer", "kpu-35");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherProvince.PostAsJsonAsync($"/api/media/webhooks/dead/{firstDelivery}/replay", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/media/webhooks/dead/{Guid.NewGuid()}/replay", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/media/webhooks/dead")).StatusCode);

        receiver.Always = 200;
        var replayed = await Steps.OkAsync(await officer.PostAsJsonAsync($"/api/media/webhooks/dead/{firstDelivery}/replay", new { }));
        Assert.Equal([firstDelivery], replayed.GetProperty("replayed").EnumerateArray().Select(d => d.GetGuid()));
        await Gateway.EventuallyAsync(async () => (await DeliveryAsync(account, subscriptionId, first)).GetProperty("status").GetString() == "delivered",
            TimeSpan.FromSeconds(60), "the replayed delivery to be delivered");
        var log = (await DeliveryAsync(account, subscriptionId, first)).GetProperty("log").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32());
        Assert.Equal([503, 503, 503, 200], log);
        Assert.All(receiver.For(first), r => Assert.Equal(firstDelivery.ToString(), r.DeliveryId));
        AssertSigned(receiver.For(first).Last());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/media/webhooks/dead/{firstDelivery}/replay", new { })).StatusCode);

        var all = await Steps.OkAsync(await officer.PostAsJsonAsync("/api/media/webhooks/dead/replay?unitId=kpu-33", new { }));
        var ids = all.GetProperty("replayed").EnumerateArray().Select(d => d.GetGuid()).ToList();
        Assert.Contains(secondDelivery, ids);
        Assert.DoesNotContain(firstDelivery, ids);
        await Gateway.EventuallyAsync(async () => (await DeliveryAsync(account, subscriptionId, second)).GetProperty("status").GetString() == "delivered",
            TimeSpan.FromSeconds(60), "every dead delivery to be delivered after the replay");

        await using (var db = await Databases.OpenAsync("mediarelations"))
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM events WHERE stream_id = @stream AND type = 'webhook-deliveries-replayed'", db);
            command.Parameters.AddWithValue("stream", $"webhook-subscription-{subscriptionId}");
            Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!);
        }
        await Steps.OkAsync(await Steps.PostAsync(account, $"/api/media/webhooks/{subscriptionId}/cancel", new { }, 3));
    }

    [Fact]
    public async Task Erasing_a_journalist_stops_their_webhooks_and_no_event_table_or_log_keeps_the_url_in_clear()
    {
        using var receiver = new Receiver();
        var officer = await Steps.AsAsync("humas-officer", "kpu-33");
        var (subscriptionId, account, journalistId) = await SubscribeAsync(receiver, officer);
        // Delivered with the URL and secret opened from the sealed target.
        var before = await PublishedAsync("Sebelum penghapusan data");
        await Gateway.EventuallyAsync(() => Task.FromResult(receiver.For(before).Any()), TimeSpan.FromSeconds(60), "the publication to be posted");
        AssertSigned(receiver.For(before).Single());

        using (var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/media/journalists/{journalistId}/personal-data"))
        {
            erase.Headers.TryAddWithoutValidation("If-Match", "\"3\"");
            await Steps.OkAsync(await account.SendAsync(erase));
        }
        var after = await PublishedAsync("Sesudah penghapusan data");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Empty(receiver.For(after));
        Assert.Equal(JsonValueKind.Undefined, (await DeliveryAsync(officer, subscriptionId, after)).ValueKind);

        var path = new Uri(receiver.Url).AbsolutePath;
        string[] clear = [receiver.Url, path, Secret];
        await using (var db = await Databases.OpenAsync("mediarelations"))
        {
            var stream = new List<string>();
            await using (var command = new Npgsql.NpgsqlCommand("SELECT type, data::text, metadata::text FROM events WHERE stream_id = @stream", db))
            {
                command.Parameters.AddWithValue("stream", $"webhook-subscription-{subscriptionId}");
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) stream.AddRange([reader.GetString(0), reader.GetString(1), reader.GetString(2)]);
            }
            Assert.Contains("webhook-subscribed", stream);
            foreach (var text in clear) Assert.DoesNotContain(stream, row => row.Contains(text, StringComparison.Ordinal));

            // The subject the target is sealed under is the journalist's, and its key is gone; the read model keeps no target.
            await using var check = new Npgsql.NpgsqlCommand("""
                SELECT k.wrapped_key IS NULL AND k.erased IS NOT NULL, s.active, s.url IS NULL AND s.sealed_secret IS NULL AND s.sealed_target IS NULL
                FROM webhook_subscriptions s
                JOIN events e ON e.stream_id = 'webhook-subscription-' || s.subscription_id AND e.type = 'webhook-subscribed'
                JOIN personal_data_keys k ON k.subject_id = (e.data->>'personalDataSubject')::uuid
                WHERE s.subscription_id = @id
                """, db);
            check.Parameters.AddWithValue("id", subscriptionId);
            await using var row = await check.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.True(row.GetBoolean(0), "the journalist's key still opens the target");
            Assert.False(row.GetBoolean(1));
            Assert.True(row.GetBoolean(2), "the read model still holds the target");
        }

        var logs = Path.Combine(Path.GetDirectoryName(Gateway.Ctl)!, ".humas", "logs");
        Assert.True(File.Exists(Path.Combine(logs, "mediarelations.log")), "no log of the service to read");
        foreach (var log in new[] { "mediarelations.log", "gateway.log" }.Select(f => Path.Combine(logs, f)).Where(File.Exists))
        {
            var text = await File.ReadAllTextAsync(log);
            foreach (var secret in clear) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Officers_of_the_subscribers_unit_replay_every_dead_delivery_of_one_subscription_at_once_and_a_repeat_replays_nothing()
    {
        using var receiver = new Receiver(always: 503);
        var officer = await Steps.AsAsync("humas-officer", "kpu-33");
        var (subscriptionId, account, _) = await SubscribeAsync(receiver, officer);
        var first = await PublishedAsync("Diulang per langganan satu");
        var second = await PublishedAsync("Diulang per langganan dua");
        var dead = new[]
        {
            (await DeadAsync(account, subscriptionId, first)).GetProperty("deliveryId").GetGuid(),
            (await DeadAsync(account, subscriptionId, second)).GetProperty("deliveryId").GetGuid(),
        };
        var path = $"/api/media/webhooks/{subscriptionId}/dead/replay";

        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync(path, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.PostAsJsonAsync(path, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Steps.AsAsync("humas-officer", "kpu-35")).PostAsJsonAsync(path, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/media/webhooks/{Guid.NewGuid()}/dead/replay", new { })).StatusCode);

        receiver.Always = 200;
        var replayed = await Steps.OkAsync(await officer.PostAsJsonAsync(path, new { }));
        Assert.Equal(dead.Order(), replayed.GetProperty("replayed").EnumerateArray().Select(d => d.GetGuid()).Order());
        var again = await Steps.OkAsync(await officer.PostAsJsonAsync(path, new { }));
        Assert.Empty(again.GetProperty("replayed").EnumerateArray());
        foreach (var release in new[] { first, second })
            await Gateway.EventuallyAsync(async () => (await DeliveryAsync(account, subscriptionId, release)).GetProperty("status").GetString() == "delivered",
                TimeSpan.FromSeconds(60), "each replayed delivery of the subscription to be delivered");
        await using (var db = await Databases.OpenAsync("mediarelations"))
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM events WHERE stream_id = @stream AND type = 'webhook-deliveries-replayed'", db);
            command.Parameters.AddWithValue("stream", $"webhook-subscription-{subscriptionId}");
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        }

        await Steps.OkAsync(await Steps.PostAsync(account, $"/api/media/webhooks/{subscriptionId}/cancel", new { }, 2)); // subscribed, replayed once
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync(path, new { })).StatusCode);
    }

    private static void AssertSigned(Receiver.Received received)
    {
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.ASCII.GetBytes(received.Timestamp + ".").Concat(received.Body).ToArray()));
        Assert.Equal(expected, received.Signature);
        var sent = DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp, CultureInfo.InvariantCulture));
        Assert.InRange(sent, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_publication_and_a_withdrawal_are_posted_signed_as_ninjs_and_a_failed_answer_is_retried()
    {
        using var receiver = new Receiver(first: [500]);
        var (subscriptionId, account) = await SubscribeAsync(receiver);
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync("Untuk webhook");
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { }, version));

        await Gateway.EventuallyAsync(() => Task.FromResult(receiver.For(releaseId).Count() >= 2), TimeSpan.FromSeconds(60), "the publication to be posted twice (after a 500)");
        var published = receiver.For(releaseId).ToArray();
        Assert.Equal("published", published[0].Event);
        Assert.Equal(published[0].DeliveryId, published[1].DeliveryId);
        Assert.All(published, AssertSigned);
        var parsed = await FeedTests.ParseAsync("ninjs", published[1].Body);
        Assert.Equal("usable", parsed[0].GetProperty("pubstatus").GetString());

        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/withdraw", new { notice = "Ditarik untuk uji." }, version + 1));
        await Gateway.EventuallyAsync(() => Task.FromResult(receiver.For(releaseId).Any(r => r.Event == "withdrawn")), TimeSpan.FromSeconds(60), "the withdrawal to be posted");
        var withdrawn = receiver.For(releaseId).Single(r => r.Event == "withdrawn");
        AssertSigned(withdrawn);
        Assert.Equal("canceled", (await FeedTests.ParseAsync("ninjs", withdrawn.Body))[0].GetProperty("pubstatus").GetString());

        var log = await Steps.GetAsync(account, $"/api/media/webhooks/{subscriptionId}/deliveries");
        var first = log.EnumerateArray().Single(d => d.GetProperty("releaseId").GetGuid() == releaseId && d.GetProperty("event").GetString() == "published");
        Assert.Equal("delivered", first.GetProperty("status").GetString());
        Assert.Equal([500, 200], first.GetProperty("log").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));

        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"/api/media/webhooks/{subscriptionId}/deliveries")).StatusCode);
        var stranger = await Gateway.ClientAsync(await Gateway.TokenAsync($"journalist-{Guid.NewGuid():N}", "journalist", null));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/media/webhooks/{subscriptionId}/deliveries")).StatusCode);
        await Steps.OkAsync(await Steps.PostAsync(account, $"/api/media/webhooks/{subscriptionId}/cancel", new { }, 1));
    }

    [Fact]
    public async Task A_delivery_never_answered_with_success_is_dead_after_the_last_attempt()
    {
        using var receiver = new Receiver(always: 503);
        var (subscriptionId, account) = await SubscribeAsync(receiver);
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync("Penerima gagal");
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { }, version));

        JsonElement delivery = default;
        await Gateway.EventuallyAsync(async () =>
        {
            var log = await Steps.GetAsync(account, $"/api/media/webhooks/{subscriptionId}/deliveries");
            delivery = log.EnumerateArray().SingleOrDefault(d => d.GetProperty("releaseId").GetGuid() == releaseId);
            return delivery.ValueKind == JsonValueKind.Object && delivery.GetProperty("status").GetString() == "dead";
        }, TimeSpan.FromSeconds(60), "the delivery to be dead after its attempts");
        // The development configuration allows three attempts.
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(3, receiver.For(releaseId).Count());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(3, receiver.For(releaseId).Count());
        await Steps.OkAsync(await Steps.PostAsync(account, $"/api/media/webhooks/{subscriptionId}/cancel", new { }, 1));
    }

    [Fact]
    public async Task Bad_subscriptions_are_a_400_problem_naming_each_field_and_store_nothing()
    {
        var officer = await Steps.AsAsync("humas-officer", "kpu-33");
        var (journalistId, _, account) = await JournalistTests.AccreditedAsync(officer);
        var before = await SubscriptionCountAsync();
        var response = await account.PostAsJsonAsync("/api/media/webhooks", new
        {
            journalistId, url = "ftp://newsroom.example.org/x", secret = "pendek", unitIds = new[] { "kpu-99" }, subjects = new[] { "sepak-bola" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "url", "secret", "unitIds", "subjects" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");

        // Revoked: no new subscription.
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{journalistId}/revoke", new { reason = "Uji" }, 3));
        var refused = await account.PostAsJsonAsync("/api/media/webhooks", new
        {
            journalistId, url = "https://newsroom.example.org/hook", secret = Secret, unitIds = new[] { "kpu-33" },
        });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await SubscriptionCountAsync());
    }

    private static async Task<long> SubscriptionCountAsync()
    {
        await using var db = await Databases.OpenAsync("mediarelations");
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM events e JOIN streams s ON s.id = e.stream_id WHERE s.type = 'webhook-subscription'", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
