using Humas.Eventing.Outbox;
using Npgsql;

namespace Humas.Eventing.Store;

/// <summary>
/// The event store of one service database. Appends check the expected version before any
/// sequence value is drawn, run inline projections and write outbox rows in the same
/// transaction.
/// </summary>
public sealed class EventStore(
    NpgsqlDataSource dataSource,
    EventTypeRegistry eventTypes,
    OutboxWriter outbox,
    OutboxSignal signal,
    IEnumerable<IInlineProjection> inlineProjections,
    IEnumerable<IIntegrationEventTranslator> translators)
{
    private readonly IInlineProjection[] projections = inlineProjections.ToArray();
    private readonly IIntegrationEventTranslator[] translators = translators.ToArray();

    public EventTypeRegistry EventTypes => eventTypes;

    /// <summary>Opens a transaction in which several appends and other writes commit or fail together.</summary>
    public async Task<EventSession> OpenSessionAsync(CancellationToken ct = default)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            return new EventSession(connection, transaction, eventTypes, outbox, signal, projections, translators);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            if (connection is not null) await connection.DisposeAsync();
            throw PostgresErrors.Translate(e);
        }
    }

    public async Task<AppendResult> AppendAsync(
        string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken ct = default)
    {
        await using var session = await OpenSessionAsync(ct);
        var result = await session.AppendAsync(streamId, streamType, expectedVersion, events, metadata, ct);
        await session.CommitAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, CancellationToken ct = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT seq, id, stream_id, version, type, data::text AS data, metadata::text AS metadata, created FROM events WHERE stream_id = @stream ORDER BY version");
            command.Parameters.AddWithValue("stream", streamId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new EventRows(reader, eventTypes);
            var events = new List<RecordedEvent>();
            while (await reader.ReadAsync(ct))
                events.Add(rows.Read());
            return events;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw PostgresErrors.Translate(e);
        }
    }

    /// <summary>Reads several streams in one query (reports, exports); streams that do not exist are absent.</summary>
    public async Task<IReadOnlyDictionary<string, List<RecordedEvent>>> ReadStreamsAsync(IReadOnlyCollection<string> streamIds, CancellationToken ct = default)
    {
        var streams = new Dictionary<string, List<RecordedEvent>>();
        if (streamIds.Count == 0) return streams;
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT seq, id, stream_id, version, type, data::text AS data, metadata::text AS metadata, created FROM events WHERE stream_id = ANY(@streams) ORDER BY stream_id, version");
            command.Parameters.AddWithValue("streams", streamIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new EventRows(reader, eventTypes);
            while (await reader.ReadAsync(ct))
            {
                var recorded = rows.Read();
                if (!streams.TryGetValue(recorded.StreamId, out var events)) streams[recorded.StreamId] = events = [];
                events.Add(recorded);
            }
            return streams;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw PostgresErrors.Translate(e);
        }
    }

    /// <summary>
    /// Loads a stream, decides on its state and appends at the version read; when another writer
    /// got in first, decides again on the new state. Returns the state decided on and what was
    /// appended (nothing when the decision was to do nothing); null when the stream does not exist.
    /// </summary>
    public async Task<(TState State, IReadOnlyList<object> Appended)?> DecideAsync<TState>(
        string streamId, string streamType, TState initial, Func<TState, object, TState> evolve, Func<TState, IReadOnlyList<object>> decide,
        EventMetadata? metadata = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await AggregateAsync(streamId, initial, evolve, ct) is not var (state, version)) return null;
            var events = decide(state);
            if (events.Count == 0) return (state, events);
            try
            {
                await AppendAsync(streamId, streamType, version, events, metadata, ct);
                return (state, events);
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                // Decide again on what the other writer left.
            }
        }
    }

    /// <summary>Folds a stream into its current state; null when the stream does not exist.</summary>
    public async Task<(TState State, long Version)?> AggregateAsync<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve, CancellationToken ct = default)
    {
        var events = await ReadStreamAsync(streamId, ct);
        if (events.Count == 0) return null;
        var state = events.Aggregate(initial, (current, e) => evolve(current, e.Data));
        return (state, events[^1].Version);
    }
}
