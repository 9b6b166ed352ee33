using System.Text.Json;
using Npgsql;

namespace Humas.Eventing.Store;

internal static class EventRows
{
    /// <summary>Reads (seq, id, stream_id, version, type, data, metadata, created) in that column order.</summary>
    public static RecordedEvent Read(NpgsqlDataReader reader, EventTypeRegistry eventTypes)
    {
        var typeName = reader.GetString(4);
        return new RecordedEvent(
            Sequence: reader.GetInt64(0),
            Id: reader.GetGuid(1),
            StreamId: reader.GetString(2),
            Version: reader.GetInt64(3),
            TypeName: typeName,
            Data: EventSerializer.Deserialize(reader.GetString(5), eventTypes.TypeOf(typeName)),
            Metadata: JsonSerializer.Deserialize<EventMetadata>(reader.GetString(6), EventSerializer.Options) ?? EventMetadata.Empty,
            Created: reader.GetFieldValue<DateTimeOffset>(7));
    }
}
