using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.EventStore;

public sealed class InlineProjectionRollbackTests : IAsyncLifetime
{
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync("test_inline_rollback");
        host = await EventingHost.StartAsync("test_inline_rollback", TestInfrastructure.RabbitMqServer, eventing => eventing
            .InlineProjection<ThingsProjection>()
            .Translator<AnnounceThings>()
            .Publishes<ThingAnnounced>());
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Given_a_projection_that_fails_when_appending_then_events_read_model_and_outbox_rows_are_all_rolled_back()
    {
        var store = host.Store();
        await store.AppendAsync("thing-a", "thing", ExpectedVersion.NoStream, [new ThingHappened("created", 1)]);
        Assert.Equal((1, 1, 1), await CountsAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.AppendAsync("thing-b", "thing", ExpectedVersion.NoStream, [new ThingHappened("created", 2), new ThingFailed("projection refuses")]));

        Assert.Equal((1, 1, 1), await CountsAsync());
        Assert.Empty(await store.ReadStreamAsync("thing-b"));
    }

    private async Task<(long Events, long Things, long Outbox)> CountsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM things), (SELECT count(*) FROM outbox)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private sealed class ThingsProjection : IInlineProjection
    {
        public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
        {
            foreach (var e in events)
            {
                if (e.Data is ThingFailed failed) throw new InvalidOperationException(failed.Why);
                await using var insert = new NpgsqlCommand("INSERT INTO things VALUES (@id, @what)", connection, transaction);
                insert.Parameters.AddWithValue("id", e.StreamId);
                insert.Parameters.AddWithValue("what", ((ThingHappened)e.Data).What);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private sealed class AnnounceThings : IIntegrationEventTranslator
    {
        public IEnumerable<object> Translate(RecordedEvent recorded)
        {
            if (recorded.Data is ThingHappened e) yield return new ThingAnnounced { What = e.What, Number = e.Number };
        }
    }
}
