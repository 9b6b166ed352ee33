using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Humas.Eventing.Inbox;
using Humas.Eventing.Outbox;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.Messaging;

/// <summary>
/// A poison outbox row (a message type this build does not know, a body that does not read as
/// its type) is set aside after a few failures instead of holding back the rows after it; the
/// service reports it, and `./humas outbox replay` puts it back once the cause is fixed.
/// </summary>
public sealed class OutboxDeadLetterTests : IAsyncLifetime
{
    private const string Database = "test_outbox_dead_letters";
    private const int DeadLetterAfter = 3;
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-outbox-dead-letters");
        host = await EventingHost.StartAsync(Database, rabbitMq, eventing =>
        {
            eventing.Translator<Announce>().Publishes<ThingAnnounced>().Consumer<RecordingConsumer>();
            // Two poison rows fill a whole batch: without setting them aside nothing behind them would move.
            eventing.Relay.BatchSize = 2;
            eventing.Relay.PollInterval = TimeSpan.FromMilliseconds(200);
            eventing.Relay.DeadLetterAfterFailures = DeadLetterAfter;
        }, services => services.AddSingleton<Received>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Poison_rows_are_dead_lettered_after_the_configured_failures_the_rows_behind_them_are_published_and_a_replay_delivers_the_fixed_one()
    {
        using var deadLettered = new CounterListener("humas.outbox.dead_lettered");
        Assert.Equal(HealthStatus.Healthy, await OutboxHealthAsync());

        // A message type that a later build no longer has, and a body that does not read as its type.
        var retired = await InsertOutboxRowAsync("Humas.Retired.ThingRenamed", """{"what":"retired","number":1}""");
        var unreadable = await InsertOutboxRowAsync(MessageTypeRegistry.NameOf(typeof(ThingAnnounced)), """{"what":"unreadable","number":"not a number"}""");
        var store = host.Store();
        for (var i = 0; i < 5; i++)
            await store.AppendAsync($"thing-{i}", "thing", ExpectedVersion.NoStream, [new ThingHappened($"good-{i}", i)]);

        var received = host.Services.GetRequiredService<Received>();
        await Eventually(() => received.Whats.Count(w => w.StartsWith("good-", StringComparison.Ordinal)) == 5, "the five good messages behind the poison rows");
        await Eventually(() => Scalar("SELECT count(*) FROM outbox_dead_letters") == 2, "both poison rows to be dead-lettered");

        Assert.Equal(0L, Scalar("SELECT count(*) FROM outbox WHERE sent IS NULL"));
        Assert.Equal((long)DeadLetterAfter, Scalar($"SELECT failures FROM outbox_dead_letters WHERE seq = {retired}"));
        Assert.Equal((long)DeadLetterAfter, Scalar($"SELECT failures FROM outbox_dead_letters WHERE seq = {unreadable}"));
        Assert.Equal(2L, deadLettered.Total);
        Assert.Equal(HealthStatus.Degraded, await OutboxHealthAsync());

        // The operator fixes the body and replays that one message with the documented command.
        await ExecuteAsync($$"""UPDATE outbox_dead_letters SET body = '{"what":"repaired","number":2}' WHERE seq = {{unreadable}}""");
        var (code, output) = await TestInfrastructure.RunCtlAsync("outbox", "replay", Database, unreadable.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, output);
        Assert.Contains("replayed 1 message(s)", output);

        await Eventually(() => received.Whats.Contains("repaired"), "the replayed message");
        Assert.Equal(1L, Scalar("SELECT count(*) FROM outbox_dead_letters"));
        Assert.Equal(HealthStatus.Degraded, await OutboxHealthAsync());
        Assert.Equal(6, received.Whats.Count);
    }

    private async Task<HealthStatus> OutboxHealthAsync()
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "outbox");
        return report.Entries["outbox"].Status;
    }

    private async Task<long> InsertOutboxRowAsync(string messageType, string body)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO outbox (message_id, message_type, body) VALUES (@id, @type, @body::jsonb) RETURNING seq", connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("type", messageType);
        command.Parameters.AddWithValue("body", body);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Sums what one counter of the Humas.Eventing meter records while it listens.</summary>
    private sealed class CounterListener : IDisposable
    {
        private readonly MeterListener listener = new();
        private long total;

        public CounterListener(string instrument)
        {
            listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == "Humas.Eventing" && i.Name == instrument) l.EnableMeasurementEvents(i);
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
            listener.Start();
        }

        public long Total => Interlocked.Read(ref total);

        public void Dispose() => listener.Dispose();
    }

    public sealed class Received
    {
        public ConcurrentBag<string> Whats { get; } = [];
    }

    private sealed class Announce : IIntegrationEventTranslator
    {
        public IEnumerable<object> Translate(RecordedEvent recorded)
        {
            if (recorded.Data is ThingHappened e) yield return new ThingAnnounced { What = e.What, Number = e.Number };
        }
    }

    public sealed class RecordingConsumer(NpgsqlDataSource dataSource, Received received) : InboxConsumer<ThingAnnounced>(dataSource)
    {
        protected override string ConsumerName => "tests.recording";

        protected override Task HandleAsync(ConsumeContext<ThingAnnounced> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            received.Whats.Add(context.Message.What);
            return Task.CompletedTask;
        }
    }
}
