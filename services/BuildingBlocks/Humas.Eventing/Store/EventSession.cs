using System.Diagnostics;
using Humas.Eventing.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Humas.Eventing.Store;

/// <summary>
/// One PostgreSQL transaction over the store: appends, inline projections, outbox rows and
/// any other writes of the caller commit together or not at all. Disposing without
/// committing rolls everything back.
/// </summary>
public sealed class EventSession : IAsyncDisposable
{
    // The conditional UPDATE (or the INSERT of a new stream) runs before the events' INSERT,
    // and the events' identity values are drawn only for rows that INSERT produces: a lost
    // race draws no sequence value and leaves no gap.
    private const string AppendToExisting = """
        WITH stream AS (
            UPDATE streams SET version = @expected + @count, updated = now()
            WHERE id = @stream AND version = @expected
            RETURNING id)
        INSERT INTO events (id, stream_id, version, type, data, metadata)
        SELECT e.id, stream.id, @expected + e.position, e.type, e.data, @metadata
        FROM stream, unnest(@ids, @types, @data) WITH ORDINALITY AS e(id, type, data, position)
        RETURNING seq, id, version, created
        """;

    private const string AppendToNew = """
        WITH stream AS (
            INSERT INTO streams (id, type, version) VALUES (@stream, @streamType, @count)
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
        INSERT INTO events (id, stream_id, version, type, data, metadata)
        SELECT e.id, stream.id, e.position, e.type, e.data, @metadata
        FROM stream, unnest(@ids, @types, @data) WITH ORDINALITY AS e(id, type, data, position)
        RETURNING seq, id, version, created
        """;

    private readonly EventTypeRegistry eventTypes;
    private readonly OutboxWriter outbox;
    private readonly OutboxSignal signal;
    private readonly IInlineProjection[] projections;
    private readonly IIntegrationEventTranslator[] translators;
    private bool completed;

    internal EventSession(NpgsqlConnection connection, NpgsqlTransaction transaction, EventTypeRegistry eventTypes,
        OutboxWriter outbox, OutboxSignal signal, IInlineProjection[] projections, IIntegrationEventTranslator[] translators)
    {
        Connection = connection;
        Transaction = transaction;
        this.eventTypes = eventTypes;
        this.outbox = outbox;
        this.signal = signal;
        this.projections = projections;
        this.translators = translators;
    }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    public NpgsqlCommand CreateCommand(string sql) => new(sql, Connection, Transaction);

    public async Task<AppendResult> AppendAsync(
        string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken ct = default)
    {
        if (events.Count == 0) throw new ArgumentException("An append needs at least one event.", nameof(events));
        if (expectedVersion < 0) throw new ArgumentOutOfRangeException(nameof(expectedVersion));
        metadata ??= EventMetadata.Empty;
        if (metadata.TraceParent is null && Activity.Current is { } activity)
            metadata = metadata with { TraceParent = activity.Id };

        var typeNames = events.Select(e => eventTypes.NameOf(e.GetType())).ToArray();
        var ids = events.Select(_ => Guid.CreateVersion7()).ToArray();

        var recorded = new List<RecordedEvent>(events.Count);
        try
        {
            await using (var command = CreateCommand(expectedVersion == ExpectedVersion.NoStream ? AppendToNew : AppendToExisting))
            {
                command.Parameters.AddWithValue("stream", streamId);
                command.Parameters.AddWithValue("streamType", streamType);
                command.Parameters.AddWithValue("expected", expectedVersion);
                command.Parameters.AddWithValue("count", (long)events.Count);
                command.Parameters.AddWithValue("ids", ids);
                command.Parameters.AddWithValue("types", typeNames);
                command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = events.Select(EventSerializer.Serialize).ToArray() });
                command.Parameters.Add(new NpgsqlParameter("metadata", NpgsqlDbType.Jsonb) { Value = EventSerializer.Serialize(metadata) });
                await using var reader = await command.ExecuteReaderAsync(ct);
                int seqColumn = reader.GetOrdinal("seq"), idColumn = reader.GetOrdinal("id"),
                    versionColumn = reader.GetOrdinal("version"), createdColumn = reader.GetOrdinal("created");
                while (await reader.ReadAsync(ct))
                {
                    var index = Array.IndexOf(ids, reader.GetGuid(idColumn));
                    recorded.Add(new RecordedEvent(reader.GetInt64(seqColumn), ids[index], streamId, reader.GetInt64(versionColumn),
                        typeNames[index], events[index], metadata, reader.GetFieldValue<DateTimeOffset>(createdColumn)));
                }
            }

            if (recorded.Count == 0)
                throw new ConcurrencyException(streamId, expectedVersion, await CurrentVersionAsync(streamId, ct));
            recorded.Sort((a, b) => a.Version.CompareTo(b.Version));

            foreach (var projection in projections)
                await projection.ApplyAsync(Connection, Transaction, recorded, ct);

            var messages = recorded.SelectMany(e => translators.SelectMany(t => t.Translate(e))).ToList();
            if (messages.Count > 0)
                await outbox.WriteAsync(Connection, Transaction, messages, ct);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw PostgresErrors.Translate(e, streamId, expectedVersion);
        }

        return new AppendResult(streamId, expectedVersion + events.Count, recorded);
    }

    /// <summary>Writes integration messages that no event of this session gives rise to.</summary>
    public Task EnqueueAsync(IReadOnlyCollection<object> messages, CancellationToken ct = default) =>
        outbox.WriteAsync(Connection, Transaction, messages, ct);

    public async Task CommitAsync(CancellationToken ct = default)
    {
        try
        {
            await Transaction.CommitAsync(ct);
            completed = true;
            signal.Committed(Transaction);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException)
        {
            throw PostgresErrors.TranslateCommit(e);
        }
    }

    private async Task<long?> CurrentVersionAsync(string streamId, CancellationToken ct)
    {
        await using var command = CreateCommand("SELECT version FROM streams WHERE id = @stream");
        command.Parameters.AddWithValue("stream", streamId);
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    public async ValueTask DisposeAsync()
    {
        if (!completed)
        {
            signal.Abandoned(Transaction);
            try { await Transaction.RollbackAsync(); }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { /* the connection is gone; the server rolls back by itself */ }
        }
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
