using System.Collections.Concurrent;
using Humas.Eventing.Inbox;
using Humas.Eventing.Outbox;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.Messaging;

/// <summary>
/// The relay delivers at least once (a crash between the broker's confirm and marking the row
/// sent publishes it again); the inbox turns that into exactly one effect.
/// </summary>
public sealed class ExactlyOnceEffectTests : IAsyncLifetime
{
    private const string Database = "test_exactly_once";
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-exactly-once");
        host = await EventingHost.StartAsync(Database, rabbitMq, eventing => eventing
            .Translator<Announce>()
            .Publishes<ThingAnnounced>()
            .Consumer<CountingConsumer>(),
            services => services.AddSingleton<Deliveries>());
        await WaitForBusAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Given_messages_relayed_twice_and_published_again_by_hand_then_each_effect_happens_once()
    {
        var store = host.Store();
        for (var i = 0; i < 20; i++)
            await store.AppendAsync($"thing-{i}", "thing", ExpectedVersion.NoStream, [new ThingHappened($"thing-{i}", i)]);
        var deliveries = host.Services.GetRequiredService<Deliveries>();
        await Eventually(() => deliveries.Count >= 20 && Unsent() == 0, "the first delivery of 20 messages");
        Assert.Equal(20, Effects());

        // The relay lost its bookkeeping after the broker confirmed: every row goes out again.
        await ExecuteAsync("UPDATE outbox SET sent = NULL");
        await Eventually(() => deliveries.Count >= 40 && Unsent() == 0, "the second delivery of the same 20 messages");

        // And a message published directly with an id already seen.
        var firstId = await ScalarAsync<Guid>("SELECT message_id FROM outbox ORDER BY seq LIMIT 1");
        await host.Services.GetRequiredService<IBus>().Publish(new ThingAnnounced { What = "thing-0", Number = 0 }, c => c.MessageId = firstId);
        await Eventually(() => deliveries.Count >= 41, "the hand-published duplicate");

        Assert.Equal(20, Effects());
        Assert.Equal(20, deliveries.Distinct);
    }

    private async Task WaitForBusAsync()
    {
        var control = host.Services.GetRequiredService<IBusControl>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await control.WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    private long Effects() => ScalarAsync<long>("SELECT count(*) FROM effects").GetAwaiter().GetResult();
    private long Unsent() => ScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent IS NULL").GetAwaiter().GetResult();

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public sealed class Deliveries
    {
        private readonly ConcurrentBag<Guid> ids = [];
        public void Add(Guid id) => ids.Add(id);
        public int Count => ids.Count;
        public int Distinct => ids.Distinct().Count();
    }

    private sealed class Announce : Eventing.Store.IIntegrationEventTranslator
    {
        public IEnumerable<object> Translate(RecordedEvent recorded)
        {
            if (recorded.Data is ThingHappened e) yield return new ThingAnnounced { What = e.What, Number = e.Number };
        }
    }

    public sealed class CountingConsumer(NpgsqlDataSource dataSource, Deliveries deliveries) : InboxConsumer<ThingAnnounced>(dataSource)
    {
        protected override string ConsumerName => "tests.counting";

        public override async Task Consume(ConsumeContext<ThingAnnounced> context)
        {
            await base.Consume(context);
            deliveries.Add(context.MessageId!.Value);
        }

        protected override async Task HandleAsync(ConsumeContext<ThingAnnounced> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            await using var command = new NpgsqlCommand("INSERT INTO effects (what) VALUES (@what)", connection, transaction);
            command.Parameters.AddWithValue("what", context.Message.What);
            await command.ExecuteNonQueryAsync(context.CancellationToken);
        }
    }
}
