using System.Diagnostics;
using System.Text.Json;
using Humas.Eventing.Store;
using Npgsql;
using NpgsqlTypes;

namespace Humas.Eventing.Outbox;

/// <summary>
/// Writes integration messages as outbox rows inside the caller's transaction, and has the
/// relay woken at commit: in process through <see cref="OutboxSignal"/> when this process runs
/// a relay (the session raises it after its commit), otherwise by NOTIFY.
/// </summary>
public sealed class OutboxWriter(MessageTypeRegistry messageTypes, OutboxSignal signal)
{
    public const string NotificationChannel = "humas_outbox";

    private const string Insert = """
        INSERT INTO outbox (message_id, message_type, body, headers)
        SELECT * FROM unnest(@ids, @types, @bodies, @headers)
        """;

    private const string InsertAndNotify = Insert + ";\nSELECT pg_notify('" + NotificationChannel + "', '')";

    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<object> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return;
        foreach (var message in messages)
        {
            if (!messageTypes.IsRegistered(message.GetType()))
                throw new InvalidOperationException($"{message.GetType().Name} is not a registered integration event.");
        }

        var headers = JsonSerializer.Serialize(new Dictionary<string, string?> { ["traceparent"] = Activity.Current?.Id }, EventSerializer.Options);
        await using var command = new NpgsqlCommand(signal.LocalRelay ? Insert : InsertAndNotify, connection, transaction);
        command.Parameters.AddWithValue("ids", messages.Select(_ => Guid.CreateVersion7()).ToArray());
        command.Parameters.AddWithValue("types", messages.Select(m => MessageTypeRegistry.NameOf(m.GetType())).ToArray());
        command.Parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = messages.Select(EventSerializer.Serialize).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("headers", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = messages.Select(_ => headers).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
        if (signal.LocalRelay) signal.Written(transaction);
    }
}
