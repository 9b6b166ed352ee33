using Humas.Calendar.RequestDeadlines;
using Humas.IntegrationTests.Infrastructure;
using Humas.Ppid.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.Calendar;

/// <summary>
/// The Calendar's deadline view follows a request's routings whatever order they arrive in, and
/// a routing delivered twice takes effect once: the highest request version wins.
/// </summary>
public sealed class RoutedDeadlinesTests : IAsyncLifetime
{
    private const string Database = "test_calendar_routing";
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-calendar-routing");
        host = await EventingHost.StartAsync(Database, rabbitMq, eventing => eventing
            .MigrationsFrom(typeof(InformationRequestRoutedConsumer).Assembly)
            .Consumer<InformationRequestRegisteredConsumer>()
            .Consumer<InformationRequestRoutedConsumer>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Routings_arriving_in_reverse_order_and_twice_leave_the_deadline_at_the_last_unit()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var requestId = Guid.CreateVersion7();
        await bus.Publish(Registered(requestId, "kpu-33.21"), c => c.MessageId = Guid.NewGuid());
        await Eventually(async () => await UnitAsync(requestId) == ("kpu-33.21", 1L), "the registration");

        // Routed kpu-33.21 → kpu-33.22 (version 2), then kpu-33.22 → kpu-33.23 (version 3); the later arrives first, and twice.
        var last = Guid.NewGuid();
        await bus.Publish(Routed(requestId, "kpu-33.22", "kpu-33.23", 3), c => c.MessageId = last);
        await Eventually(async () => await UnitAsync(requestId) == ("kpu-33.23", 3L), "the later routing");
        await bus.Publish(Routed(requestId, "kpu-33.21", "kpu-33.22", 2), c => c.MessageId = Guid.NewGuid());
        await bus.Publish(Routed(requestId, "kpu-33.22", "kpu-33.23", 3), c => c.MessageId = last);
        await Eventually(async () => await InboxAsync() == 2, "the earlier routing to be handled");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(("kpu-33.23", 3L), await UnitAsync(requestId));
        Assert.Equal(2L, await InboxAsync());
    }

    [Fact]
    public async Task A_routing_that_overtakes_the_registration_takes_effect_once_the_registration_arrives()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var requestId = Guid.CreateVersion7();
        await bus.Publish(Routed(requestId, "kpu-35.01", "kpu-35.02", 2), c => c.MessageId = Guid.NewGuid());
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await bus.Publish(Registered(requestId, "kpu-35.01"), c => c.MessageId = Guid.NewGuid());

        await Eventually(async () => await UnitAsync(requestId) == ("kpu-35.02", 2L), "the routing retried after the registration");
    }

    private static InformationRequestRegistered Registered(Guid requestId, string unit) => new()
    {
        RequestId = requestId, RegistrationNumber = $"{unit.ToUpperInvariant()}-2026-{Random.Shared.Next(1, 99999):D5}", UnitId = unit,
        ReceivedAt = DateTimeOffset.UtcNow, DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)), Channel = "online",
    };

    private static InformationRequestRouted Routed(Guid requestId, string from, string to, long version) => new()
    {
        RequestId = requestId, RegistrationNumber = "-", FromUnitId = from, ToUnitId = to, RoutedAt = DateTimeOffset.UtcNow, RequestVersion = version,
    };

    private async Task<(string? Unit, long Version)> UnitAsync(Guid requestId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT unit_id, unit_version FROM request_deadlines WHERE request_id = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1)) : (null, 0);
    }

    private async Task<long> InboxAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox WHERE consumer = 'calendar.request-routed'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
