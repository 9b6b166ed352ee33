using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Eventing.Projections;

/// <summary>
/// Feeds one async projection from the log. Sequence numbers are drawn at insert, not at
/// commit, so a transaction that commits late can leave a lower seq behind a higher one
/// already read. Reading only rows whose transaction id is below the snapshot's xmin, in
/// (tx, seq) order, sees a transaction's events only once nothing older can still commit.
/// The checkpoint is written in the transaction that writes the projection's rows.
/// </summary>
public sealed class AsyncProjectionRunner(NpgsqlDataSource dataSource, EventTypeRegistry eventTypes, IAsyncProjection projection)
{
    private const string ReadBatch = """
        SELECT seq, id, stream_id, version, type, data::text AS data, metadata::text AS metadata, created, tx::text AS tx
        FROM events
        WHERE (tx, seq) > (@tx::text::xid8, @seq)
          AND tx < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx, seq
        LIMIT @limit
        """;

    public string Name => projection.Name;

    /// <summary>Applies at most one batch; returns the number of events applied (0 when caught up).</summary>
    public async Task<int> RunOnceAsync(int batchSize = 500, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // An advisory lock, not SELECT ... FOR UPDATE: a row lock would give this transaction
        // an xid of its own before the read, and hold the snapshot's xmin back on itself.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('projection:' || @name))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("name", projection.Name);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        var (tx, seq) = await ReadCheckpointAsync(connection, transaction, ct);
        var events = new List<RecordedEvent>();
        string lastTx = tx;
        await using (var read = new NpgsqlCommand(ReadBatch, connection, transaction))
        {
            read.Parameters.AddWithValue("tx", tx);
            read.Parameters.AddWithValue("seq", seq);
            read.Parameters.AddWithValue("limit", batchSize);
            await using var reader = await read.ExecuteReaderAsync(ct);
            var rows = new EventRows(reader, eventTypes);
            var txColumn = reader.GetOrdinal("tx");
            while (await reader.ReadAsync(ct))
            {
                events.Add(rows.Read());
                lastTx = reader.GetString(txColumn);
            }
        }
        if (events.Count == 0) return 0;

        await projection.ApplyAsync(connection, transaction, events, ct);
        await using (var save = new NpgsqlCommand(
            "INSERT INTO checkpoints (name, tx, seq) VALUES (@name, @tx::text::xid8, @seq) ON CONFLICT (name) DO UPDATE SET tx = excluded.tx, seq = excluded.seq, updated = now()",
            connection, transaction))
        {
            save.Parameters.AddWithValue("name", projection.Name);
            save.Parameters.AddWithValue("tx", lastTx);
            save.Parameters.AddWithValue("seq", events[^1].Sequence);
            await save.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return events.Count;
    }

    /// <summary>Runs batches until the projection has caught up with what is safely committed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var total = 0;
        int applied;
        while ((applied = await RunOnceAsync(ct: ct)) > 0) total += applied;
        return total;
    }

    private async Task<(string Tx, long Seq)> ReadCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT tx::text AS tx, seq FROM checkpoints WHERE name = @name", connection, transaction);
        command.Parameters.AddWithValue("name", projection.Name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(reader.GetOrdinal("tx")), reader.GetInt64(reader.GetOrdinal("seq"))) : ("0", 0L);
    }
}
