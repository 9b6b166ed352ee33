namespace Humas.Eventing.Store;

/// <summary>
/// Remembers the answer to a create request by its Idempotency-Key, inside the creating
/// transaction: a client that repeats the request (a citizen on a poor connection pressing
/// submit twice) gets the first answer again and nothing is created twice. Two concurrent
/// repeats serialize on the key.
/// </summary>
public static class IdempotencyKeys
{
    public sealed record StoredResponse(int Status, string? Location, string Body);

    /// <summary>Null when this request is the first with the key; otherwise the stored response.</summary>
    public static async Task<StoredResponse?> ClaimAsync(EventSession session, string scope, string key, string requestHash, CancellationToken ct)
    {
        await using (var claim = session.CreateCommand(
            "INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (@scope, @key, @hash) ON CONFLICT DO NOTHING"))
        {
            claim.Parameters.AddWithValue("scope", scope);
            claim.Parameters.AddWithValue("key", key);
            claim.Parameters.AddWithValue("hash", requestHash);
            if (await claim.ExecuteNonQueryAsync(ct) == 1) return null;
        }

        await using var read = session.CreateCommand("SELECT request_hash, status, location, body FROM idempotency_keys WHERE scope = @scope AND key = @key");
        read.Parameters.AddWithValue("scope", scope);
        read.Parameters.AddWithValue("key", key);
        await using var reader = await read.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetString(reader.GetOrdinal("request_hash")) != requestHash) throw new IdempotencyKeyReusedException(key);
        var location = reader.GetOrdinal("location");
        return new StoredResponse(reader.GetInt32(reader.GetOrdinal("status")), reader.IsDBNull(location) ? null : reader.GetString(location),
            reader.GetString(reader.GetOrdinal("body")));
    }

    public static async Task CompleteAsync(EventSession session, string scope, string key, int status, string? location, string body, CancellationToken ct)
    {
        await using var command = session.CreateCommand(
            "UPDATE idempotency_keys SET status = @status, location = @location, body = @body WHERE scope = @scope AND key = @key");
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("location", (object?)location ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"Idempotency-Key '{key}' was already used with a different request body.")
{
    public string Key { get; } = key;
}
