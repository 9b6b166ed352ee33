using System.Collections.Concurrent;
using Humas.Eventing.Outbox;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.Messaging;

/// <summary>
/// How the relay learns of new outbox rows when it does not poll (its poll interval here is
/// longer than the test): a process that runs its own relay wakes it in process and sends no
/// NOTIFY (which would serialize the commits of concurrent appends); a process without a relay
/// notifies, and the relay of another process wakes.
/// </summary>
public sealed class RelayWakeUpTests : IAsyncLifetime
{
    private const string Database = "test_relay_wake_up";
    private static readonly TimeSpan NoPolling = TimeSpan.FromHours(1);
    private readonly List<IHost> hosts = [];
    private string connectionString = "";
    private string rabbitMq = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-relay-wake-up");
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task A_process_with_its_own_relay_wakes_it_in_process_without_notify()
    {
        var host = await StartAsync(relay: true);
        await WaitUntilTheRelayListensAsync();
        await using var listener = await NotificationListener.StartAsync(connectionString);

        await host.Store().AppendAsync("thing-1", "thing", ExpectedVersion.NoStream, [new ThingHappened("thing-1", 1)]);

        await Eventually(async () => await UnsentAsync() == 0 && await RowsAsync() == 1, "the relay to send the row without polling");
        await listener.ListenAgainAsync(); // a notification sent by the append has arrived by now
        Assert.Equal(0, listener.Count);
    }

    [Fact]
    public async Task A_process_without_a_relay_notifies_and_the_relay_of_another_process_wakes()
    {
        await StartAsync(relay: true);
        var writer = await StartAsync(relay: false);
        await WaitUntilTheRelayListensAsync();
        await using var listener = await NotificationListener.StartAsync(connectionString);

        await writer.Store().AppendAsync("thing-2", "thing", ExpectedVersion.NoStream, [new ThingHappened("thing-2", 2)]);

        await Eventually(async () => await UnsentAsync() == 0 && await RowsAsync() == 1, "the other process's relay to send the row");
        await Eventually(async () =>
        {
            await listener.ListenAgainAsync();
            return listener.Count > 0;
        }, "the writer's notification");
    }

    private async Task<IHost> StartAsync(bool relay)
    {
        var host = await EventingHost.StartAsync(Database, rabbitMq, eventing =>
        {
            eventing.Translator<Announce>().Publishes<ThingAnnounced>();
            eventing.RunOutboxRelay = relay;
            eventing.Relay.PollInterval = NoPolling;
        });
        hosts.Add(host);
        return host;
    }

    /// <summary>The relay listens once it has looked for rows at start: from then on only a wake-up makes it look again.</summary>
    private async Task WaitUntilTheRelayListensAsync()
    {
        await Eventually(async () => await ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {OutboxWriter.NotificationChannel}'") > 0,
            "the relay to listen");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the batch its LISTEN triggers has run
    }

    private Task<long> UnsentAsync() => ScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent IS NULL");
    private Task<long> RowsAsync() => ScalarAsync<long>("SELECT count(*) FROM outbox");

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed class Announce : IIntegrationEventTranslator
    {
        public IEnumerable<object> Translate(RecordedEvent recorded)
        {
            if (recorded.Data is ThingHappened e) yield return new ThingAnnounced { What = e.What, Number = e.Number };
        }
    }

    /// <summary>A connection listening on the outbox channel, counting what arrives.</summary>
    private sealed class NotificationListener : IAsyncDisposable
    {
        private readonly NpgsqlConnection connection;
        private readonly ConcurrentQueue<string> received = new();

        private NotificationListener(NpgsqlConnection connection)
        {
            this.connection = connection;
            connection.Notification += (_, e) => received.Enqueue(e.Channel);
        }

        public int Count => received.Count;

        public static async Task<NotificationListener> StartAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            var listener = new NotificationListener(connection);
            await listener.ListenAgainAsync();
            return listener;
        }

        /// <summary>A round trip: notifications queued for this connection are delivered before its answer.</summary>
        public async Task ListenAgainAsync()
        {
            await using var listen = new NpgsqlCommand($"LISTEN {OutboxWriter.NotificationChannel}", connection);
            await listen.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
