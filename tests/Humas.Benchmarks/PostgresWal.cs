using Npgsql;

namespace Humas.Benchmarks;

/// <summary>
/// What PostgreSQL wrote to its write-ahead log between two readings of pg_stat_wal (the whole
/// server's, so the other databases on it count too): records, bytes, and how often the log was
/// flushed to disk, which every committing transaction with synchronous_commit on waits for.
/// </summary>
public static class PostgresWal
{
    public sealed record Reading(long Records, long Bytes, long Writes, long Syncs);

    public static async Task<Reading> SampleAsync(NpgsqlDataSource dataSource)
    {
        // A backend reports its WAL counters when it goes idle, at most once a second: wait for them.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using var command = dataSource.CreateCommand("SELECT wal_records, wal_bytes::bigint, wal_write, wal_sync FROM pg_stat_wal");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Reading(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public static string PerEvent(Reading before, Reading after, int events) =>
        $"WAL per event: {(after.Syncs - before.Syncs) / (double)events:0.00} flushes, {(after.Writes - before.Writes) / (double)events:0.00} writes, " +
        $"{(after.Records - before.Records) / (double)events:0.0} records, {(after.Bytes - before.Bytes) / (double)events:N0} bytes";
}
