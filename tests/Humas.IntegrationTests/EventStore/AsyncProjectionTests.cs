using Humas.Eventing.Projections;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.EventStore;

public sealed class AsyncProjectionTests : IAsyncLifetime
{
    private const string Database = "test_async_projection";
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        // The daemon is not registered: the test drives the runner itself to control timing.
        host = await EventingHost.StartAsync(Database, TestInfrastructure.RabbitMqServer, _ => { });
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Given_a_transaction_that_commits_late_then_its_event_is_not_skipped_and_a_restarted_runner_resumes_from_its_checkpoint()
    {
        var store = host.Store();
        var runner = NewRunner();

        await store.AppendAsync("early", "thing", ExpectedVersion.NoStream, [new ThingHappened("early", 1)]);

        // A writer takes its sequence number now but commits only after two later writers.
        await using var slow = await store.OpenSessionAsync();
        await slow.AppendAsync("slow", "thing", ExpectedVersion.NoStream, [new ThingHappened("slow", 2)]);
        await store.AppendAsync("fast-1", "thing", ExpectedVersion.NoStream, [new ThingHappened("fast-1", 3)]);
        await store.AppendAsync("fast-2", "thing", ExpectedVersion.NoStream, [new ThingHappened("fast-2", 4)]);

        await runner.CatchUpAsync();
        // Only what is safe is applied: nothing from a transaction that started after the open one.
        Assert.Equal(["early"], await SeenAsync());

        await slow.CommitAsync();
        await runner.CatchUpAsync();
        Assert.Equal(["early", "fast-1", "fast-2", "slow"], (await SeenAsync()).Order());

        // A new runner (a restarted process) resumes after the checkpoint: nothing twice, the new event once.
        await store.AppendAsync("after-restart", "thing", ExpectedVersion.NoStream, [new ThingHappened("after-restart", 5)]);
        var restarted = NewRunner();
        Assert.Equal(1, await restarted.CatchUpAsync());
        Assert.Equal(0, await restarted.CatchUpAsync());
        Assert.Equal(["after-restart", "early", "fast-1", "fast-2", "slow"], (await SeenAsync()).Order());
        Assert.Equal(5, await ScalarAsync("SELECT count(*) FROM seen WHERE applied = 1"));
    }

    [Fact]
    public async Task Given_a_projection_that_fails_then_the_checkpoint_does_not_move()
    {
        var store = host.Store();
        await store.AppendAsync("bad", "thing", ExpectedVersion.NoStream, [new ThingFailed("refused")]);
        var failing = new AsyncProjectionRunner(host.Services.GetRequiredService<NpgsqlDataSource>(), store.EventTypes, new FailingProjection());

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RunOnceAsync());

        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM checkpoints WHERE name = 'failing'"));
    }

    private AsyncProjectionRunner NewRunner() =>
        new(host.Services.GetRequiredService<NpgsqlDataSource>(), host.Store().EventTypes, new SeenProjection());

    private async Task<List<string>> SeenAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT what FROM seen ORDER BY what", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var seen = new List<string>();
        while (await reader.ReadAsync()) seen.Add(reader.GetString(0));
        return seen;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class SeenProjection : IAsyncProjection
    {
        public string Name => "seen";

        public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
        {
            foreach (var e in events.Where(e => e.Data is ThingHappened))
            {
                await using var command = new NpgsqlCommand("INSERT INTO seen (what, applied) VALUES (@what, 1)", connection, transaction);
                command.Parameters.AddWithValue("what", ((ThingHappened)e.Data).What);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private sealed class FailingProjection : IAsyncProjection
    {
        public string Name => "failing";

        public Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct) =>
            throw new InvalidOperationException("projection bug");
    }
}
