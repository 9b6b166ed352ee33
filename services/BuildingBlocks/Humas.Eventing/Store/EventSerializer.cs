using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Eventing.Store;

/// <summary>JSON for events, outbox messages and metadata: camelCase, enums as strings, so the log reads well in psql.</summary>
public static class EventSerializer
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    public static object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException($"'{type.Name}' deserialized to null.");
}
