using Npgsql;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>
/// Faults injected into Ppid's database, for tests about what the service does when one request
/// is in the way: a stream held by another transaction (whoever appends to it waits), or a stream
/// that no longer reads (an event of a type the service does not know).
/// </summary>
public static class PpidStreams
{
    private const string CorruptType = "corrupted-by-test";

    public static async Task<string> StreamIdAsync(string registrationNumber)
    {
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand("SELECT request_id FROM ppid_requests WHERE registration_number = @number", connection);
        command.Parameters.AddWithValue("number", registrationNumber);
        return $"request-{(Guid)(await command.ExecuteScalarAsync())!}";
    }

    /// <summary>Locks the request's stream row until disposed: an append to it waits, halfway through whatever appends.</summary>
    public static async Task<Hold> HoldAsync(string registrationNumber)
    {
        var streamId = await StreamIdAsync(registrationNumber);
        var connection = await Databases.OpenAsync("ppid");
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT version FROM streams WHERE id = @id FOR UPDATE", connection, transaction))
        {
            command.Parameters.AddWithValue("id", streamId);
            await command.ExecuteScalarAsync();
        }
        return new Hold(connection, transaction);
    }

    /// <summary>Adds an event no Ppid build knows to the request's stream: reading the stream fails from now on.</summary>
    public static async Task CorruptAsync(string registrationNumber)
    {
        var streamId = await StreamIdAsync(registrationNumber);
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand("""
            INSERT INTO events (id, stream_id, version, type, data)
            SELECT gen_random_uuid(), @id, max(version) + 1, @type, '{}' FROM events WHERE stream_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("type", CorruptType);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task RepairAsync(string registrationNumber)
    {
        var streamId = await StreamIdAsync(registrationNumber);
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand("DELETE FROM events WHERE stream_id = @id AND type = @type", connection);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("type", CorruptType);
        await command.ExecuteNonQueryAsync();
    }

    public sealed class Hold(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        /// <summary>Waits until another session is blocked on the held row, i.e. whatever appends to the stream has reached it.</summary>
        public async Task WaitForWaiterAsync(TimeSpan timeout, string what)
        {
            await using var probe = await Databases.OpenAsync("ppid");
            await Gateway.EventuallyAsync(async () =>
            {
                await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @pid = ANY(pg_blocking_pids(pid))", probe);
                command.Parameters.AddWithValue("pid", connection.ProcessID);
                return (long)(await command.ExecuteScalarAsync())! > 0;
            }, timeout, what);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }
}
