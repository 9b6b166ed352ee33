using Humas.Eventing;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.EventStore;

public sealed class HousekeepingTests : IAsyncLifetime
{
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync("test_housekeeping");
        host = await EventingHost.StartAsync("test_housekeeping", TestInfrastructure.RabbitMqServer, eventing => eventing.RunOutboxRelay = false);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Old_bookkeeping_rows_are_deleted_and_recent_or_unsent_ones_kept()
    {
        await ExecuteAsync("""
            INSERT INTO outbox (message_id, message_type, body, sent) VALUES
                (gen_random_uuid(), 't', '{}', now() - interval '8 days'),
                (gen_random_uuid(), 't', '{}', now() - interval '1 hour'),
                (gen_random_uuid(), 't', '{}', NULL);
            UPDATE outbox SET created = now() - interval '60 days';
            INSERT INTO inbox (consumer, message_id, received) VALUES ('c', gen_random_uuid(), now() - interval '31 days'), ('c', gen_random_uuid(), now());
            INSERT INTO idempotency_keys (scope, key, request_hash, created) VALUES ('s', 'old', 'h', now() - interval '2 days'), ('s', 'new', 'h', now());
            """);

        var deleted = await host.Services.GetRequiredService<Housekeeping>().RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1), deleted);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM outbox"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM outbox WHERE sent IS NULL"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM inbox"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM idempotency_keys WHERE key = 'new'"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
