using System.Text.Json;
using Npgsql;

namespace Humas.Eventing.Store;

/// <summary>
/// Reads rows of the events table by column name: seq, id, stream_id, version, type, data,
/// metadata and created (data and metadata as text). The ordinals are looked up once per
/// result set, not per row.
/// </summary>
internal sealed class EventRows(NpgsqlDataReader reader, EventTypeRegistry eventTypes)
{
    private readonly int seq = reader.GetOrdinal("seq");
    private readonly int id = reader.GetOrdinal("id");
    private readonly int streamId = reader.GetOrdinal("stream_id");
    private readonly int version = reader.GetOrdinal("version");
    private readonly int type = reader.GetOrdinal("type");
    private readonly int data = reader.GetOrdinal("data");
    private readonly int metadata = reader.GetOrdinal("metadata");
    private readonly int created = reader.GetOrdinal("created");

    /// <summary>The event of the reader's current row.</summary>
    public RecordedEvent Read()
    {
        var typeName = reader.GetString(type);
        return new RecordedEvent(
            Sequence: reader.GetInt64(seq),
            Id: reader.GetGuid(id),
            StreamId: reader.GetString(streamId),
            Version: reader.GetInt64(version),
            TypeName: typeName,
            Data: EventSerializer.Deserialize(reader.GetString(data), eventTypes.TypeOf(typeName)),
            Metadata: JsonSerializer.Deserialize<EventMetadata>(reader.GetString(metadata), EventSerializer.Options) ?? EventMetadata.Empty,
            Created: reader.GetFieldValue<DateTimeOffset>(created));
    }
}
