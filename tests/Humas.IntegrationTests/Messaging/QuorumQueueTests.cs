using System.Text;
using Humas.Eventing;
using Humas.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Humas.IntegrationTests.Messaging;

/// <summary>
/// A service declares its durable endpoints' queues as quorum queues with a delivery limit, and
/// their _error queues too, whatever the broker's default queue type (the local broker's is
/// classic): asked of the broker itself with rabbitmqctl. A message over the delivery limit is
/// dead-lettered to the _error queue, not dropped.
/// </summary>
public sealed class QuorumQueueTests : IAsyncLifetime
{
    private const string Database = "test_quorum_queues";
    private const string VirtualHost = "test-quorum-queues";
    private IHost host = null!;
    private string rabbitMq = "";

    public async Task InitializeAsync()
    {
        await TestInfrastructure.FreshDatabaseAsync(Database);
        rabbitMq = await TestInfrastructure.FreshVirtualHostAsync(VirtualHost);
        host = await EventingHost.StartAsync(Database, rabbitMq, eventing => eventing.Consumer<AnnouncementConsumer>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (!stopped) await host.StopAsync();
        host.Dispose();
    }

    private bool stopped;

    [Fact]
    public async Task Given_a_service_with_a_consumer_When_it_starts_and_a_message_fails_Then_its_queue_and_error_queue_are_quorum_queues()
    {
        var endpoint = Assert.Single(await DurableQueuesAsync(), q => !q.Name.EndsWith("_error", StringComparison.Ordinal) && !q.Name.EndsWith("_skipped", StringComparison.Ordinal));
        Assert.True(endpoint.Type == "quorum", $"queue {endpoint.Name} is a {endpoint.Type} queue: {endpoint.Arguments}");
        Assert.Matches($@"\{{""x-delivery-limit"",{EventingExtensions.DeliveryLimit}\}}", endpoint.Arguments);

        // A message no serializer reads is moved to the _error queue at once (no retries).
        await PublishUnreadableAsync(endpoint.Name);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Queue? error = null;
        while (error is null)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"No {endpoint.Name}_error queue after an unreadable message; queues: {string.Join(", ", (await DurableQueuesAsync()).Select(q => q.Name))}");
            await Task.Delay(500);
            error = (await DurableQueuesAsync()).SingleOrDefault(q => q.Name == endpoint.Name + "_error" && q.Messages > 0);
        }
        Assert.True(error.Type == "quorum", $"queue {error.Name} is a {error.Type} queue: {error.Arguments}");

        var all = await DurableQueuesAsync();
        Assert.All(all, q => Assert.True(q.Type == "quorum", $"durable queue {q.Name} is a {q.Type} queue"));
    }

    [Fact]
    public async Task A_message_handed_out_more_often_than_the_delivery_limit_lands_in_the_error_queue()
    {
        var endpoint = Assert.Single(await DurableQueuesAsync(), q => !q.Name.EndsWith("_error", StringComparison.Ordinal) && !q.Name.EndsWith("_skipped", StringComparison.Ordinal));
        Assert.Contains($@"{{""x-dead-letter-exchange"",""{EventingExtensions.ErrorExchange(endpoint.Name)}""}}", endpoint.Arguments);
        // A first fault makes MassTransit declare the _error exchange and queue.
        await PublishUnreadableAsync(endpoint.Name);
        await EventuallyAsync(async () => await MessagesAsync(endpoint.Name + "_error") == 1, "the unreadable message in the _error queue");

        // With the service stopped, a message is handed out and returned unacknowledged past the
        // limit, as it would be by a process that dies while handling it each time.
        await host.StopAsync();
        stopped = true;
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messageId = Guid.NewGuid().ToString();
        await channel.BasicPublishAsync("", endpoint.Name, mandatory: true,
            basicProperties: new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = messageId }, body: "{}"u8.ToArray());
        for (var delivery = 0; delivery <= EventingExtensions.DeliveryLimit; delivery++)
        {
            BasicGetResult? got = null;
            for (var tries = 0; got is null && tries < 50; tries++)
            {
                got = await channel.BasicGetAsync(endpoint.Name, autoAck: false);
                if (got is null) await Task.Delay(100);
            }
            if (got is null) break; // dead-lettered
            Assert.Equal(messageId, got.BasicProperties.MessageId);
            await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true);
        }

        await EventuallyAsync(async () => await MessagesAsync(endpoint.Name + "_error") == 2, "the message over the delivery limit in the _error queue");
        Assert.Equal(0, await MessagesAsync(endpoint.Name));
    }

    private static async Task<long> MessagesAsync(string queue) =>
        (await DurableQueuesAsync()).SingleOrDefault(q => q.Name == queue)?.Messages ?? -1;

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(250);
        }
    }

    private async Task PublishUnreadableAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/x-humas-unreadable", Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync("", queue, mandatory: true, basicProperties: properties, body: Encoding.UTF8.GetBytes("not a message"));
    }

    private sealed record Queue(string Name, string Type, long Messages, string Arguments);

    /// <summary>The durable queues of the test's virtual host (the bus's own temporary queue is not durable).</summary>
    private static async Task<IReadOnlyList<Queue>> DurableQueuesAsync()
    {
        var (code, output) = await TestInfrastructure.RunCtlAsync("rabbitmqctl", "-q", "list_queues", "-p", VirtualHost,
            "name", "type", "durable", "messages", "arguments", "--no-table-headers");
        Assert.True(code == 0, $"rabbitmqctl list_queues exited {code}: {output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 5 && f[2] == "true")
            .Select(f => new Queue(f[0], f[1], long.Parse(f[3]), string.Join('\t', f[4..])))
            .ToArray();
    }

    public sealed class AnnouncementConsumer : IConsumer<ThingAnnounced>
    {
        public Task Consume(ConsumeContext<ThingAnnounced> context) => Task.CompletedTask;
    }
}
