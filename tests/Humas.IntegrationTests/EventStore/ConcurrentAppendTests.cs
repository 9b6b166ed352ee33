using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.EventStore;

public sealed class ConcurrentAppendTests : IAsyncLifetime
{
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync("test_concurrent_appends");
        host = await EventingHost.StartAsync("test_concurrent_appends", TestInfrastructure.RabbitMqServer, _ => { });
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Given_a_stream_at_version_2_when_50_writers_append_at_version_2_then_exactly_one_wins_and_the_stream_has_no_gap()
    {
        var store = host.Store();
        await store.AppendAsync("thing-1", "thing", ExpectedVersion.NoStream, [new ThingHappened("created", 1), new ThingHappened("changed", 2)]);
        var sequenceBefore = await MaxSequenceAsync();

        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await store.AppendAsync("thing-1", "thing", 2, [new ThingHappened("writer", i)]);
                return "won";
            }
            catch (ConcurrencyException e)
            {
                Assert.Equal(3, e.ActualVersion);
                return "conflict";
            }
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(writers);

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.Equal(49, outcomes.Count(o => o == "conflict"));

        var events = await store.ReadStreamAsync("thing-1");
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));

        // The losers drew no sequence value: the next append gets the very next one.
        Assert.Equal(sequenceBefore + 1, events[^1].Sequence);
        var next = await store.AppendAsync("thing-1", "thing", 3, [new ThingHappened("after", 0)]);
        Assert.Equal(sequenceBefore + 2, next.Events.Single().Sequence);
    }

    [Fact]
    public async Task Given_no_stream_when_50_writers_create_it_at_once_then_exactly_one_creates_it()
    {
        var store = host.Store();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync("thing-new", "thing", ExpectedVersion.NoStream, [new ThingHappened("created", i)]);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Single(await store.ReadStreamAsync("thing-new"));
    }

    [Fact]
    public async Task Given_a_stale_expected_version_when_appending_then_nothing_is_written()
    {
        var store = host.Store();
        await store.AppendAsync("thing-stale", "thing", ExpectedVersion.NoStream, [new ThingHappened("created", 1)]);

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync("thing-stale", "thing", 5, [new ThingHappened("late", 2)]));

        Assert.Equal(1, error.ActualVersion);
        Assert.Single(await store.ReadStreamAsync("thing-stale"));
    }

    [Fact]
    public async Task Events_are_stored_under_their_stable_type_name()
    {
        await host.Store().AppendAsync("thing-named", "thing", ExpectedVersion.NoStream, [new ThingHappened("created", 1)]);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type, data->>'what' FROM events WHERE stream_id = 'thing-named'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("thing-happened", reader.GetString(0));
        Assert.Equal("created", reader.GetString(1));
    }

    private async Task<long> MaxSequenceAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT max(seq) FROM events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
