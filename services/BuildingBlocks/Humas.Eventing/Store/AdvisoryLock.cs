using Npgsql;

namespace Humas.Eventing.Store;

/// <summary>
/// A PostgreSQL session advisory lock by name, held on a connection of its own for as long as a
/// piece of work runs, so that only one replica does that work at a time. A replica that dies
/// loses its connection and with it the lock; nobody has to clean up after it.
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(100);
    private readonly NpgsqlConnection connection;
    private readonly string name;

    private AdvisoryLock(NpgsqlConnection connection, string name)
    {
        this.connection = connection;
        this.name = name;
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> while another session holds it; null when it could not.</summary>
    public static async Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, TimeSpan wait, CancellationToken ct)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext(@name))", connection))
                {
                    command.Parameters.AddWithValue("name", name);
                    if ((bool)(await command.ExecuteScalarAsync(ct))!)
                    {
                        var held = new AdvisoryLock(connection, name);
                        connection = null;
                        return held;
                    }
                }
                if (DateTime.UtcNow >= deadline) return null;
                await Task.Delay(RetryEvery, ct);
            }
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw PostgresErrors.Translate(e);
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", connection);
            command.Parameters.AddWithValue("name", name);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // The connection is gone, and the server released the lock with it.
        }
        await connection.DisposeAsync();
    }
}
