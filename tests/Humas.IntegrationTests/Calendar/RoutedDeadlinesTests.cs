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
/// a routing delivered twice takes effect once: the highest request version wins. Messages that
/// overtake the registration take effect at once, without waiting for it.
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
            .Consumer<InformationRequestRoutedConsumer>()
            .Consumer<InformationRequestDueDateChangedConsumer>()
            .Consumer<InformationRequestAnsweredConsumer>());
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

    [Fact]
    public async Task An_extension_and_an_answer_that_overtake_the_registration_are_kept_at_once_and_listed_with_it()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var requestId = Guid.CreateVersion7();
        var registered = Registered(requestId, "kpu-36.01");
        var extendedDue = registered.DueDate.AddDays(10);
        await bus.Publish(new InformationRequestDueDateChanged
        {
            RequestId = requestId, RegistrationNumber = registered.RegistrationNumber, UnitId = "kpu-36.01", DueDate = extendedDue, RequestVersion = 2,
        }, c => c.MessageId = Guid.NewGuid());
        await bus.Publish(new InformationRequestAnswered
        {
            RequestId = requestId, RegistrationNumber = registered.RegistrationNumber, UnitId = "kpu-36.01", Outcome = "granted-in-part",
            WorkingDaysTaken = 12, Late = false, AnsweredAt = DateTimeOffset.UtcNow,
        }, c => c.MessageId = Guid.NewGuid());

        // Both are handled (in the inbox) while the registration has not arrived: no retry waits for it.
        await Eventually(async () => await InboxAsync("calendar.request-due-date-changed") == 1 && await InboxAsync("calendar.request-answered") == 1,
            "the extension and the answer to be handled before the registration");
        Assert.Equal((false, (DateOnly?)extendedDue, "granted-in-part"), await RowAsync(requestId));

        await bus.Publish(registered, c => c.MessageId = Guid.NewGuid());
        await Eventually(async () => (await RowAsync(requestId)).Registered, "the registration");
        // The registration (version 1) completes the row without undoing the later extension.
        Assert.Equal((true, (DateOnly?)extendedDue, "granted-in-part"), await RowAsync(requestId));
        Assert.Equal(("kpu-36.01", 2L), await UnitAsync(requestId)); // the unit as of the extension (version 2)
    }

    private async Task<(bool Registered, DateOnly? DueDate, string? Outcome)> RowAsync(Guid requestId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT registered, due_date, outcome FROM request_deadlines WHERE request_id = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : (false, null, null);
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

    private async Task<long> InboxAsync(string consumer = "calendar.request-routed")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox WHERE consumer = @consumer", connection);
        command.Parameters.AddWithValue("consumer", consumer);
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
