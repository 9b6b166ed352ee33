using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Eventing.PersonalData;

/// <summary>
/// Crypto-shredding for personal data that must travel inside events: each data subject gets
/// a key of their own, stored wrapped by the service's master key outside the log. Events
/// carry only ciphertext; erasing the key makes every copy of the data unreadable while the
/// events themselves stay intact.
/// <para>
/// Everything is AES-GCM bound to what it belongs to (associated data): sealed data to its
/// subject, a wrapped key to its subject and to the id of the master key that wrapped it, so
/// neither can be moved to another subject. Each wrapped key records that master-key id: a new
/// master key is rolled in with the old one kept under PreviousMasterKeys until
/// <see cref="RewrapAsync"/> has re-wrapped every key. What the first format ("v1": no associated
/// data, no key id) sealed stays readable.
/// </para>
/// </summary>
public sealed class PersonalDataVault(NpgsqlDataSource dataSource, PersonalDataOptions options)
{
    private const string FirstFormat = "v1";
    private const string Format = "v2";
    private const string ResponseFormat = "s1";
    private readonly MasterKeyRing keys = new(options);

    /// <summary>The id of the master key new keys are wrapped with (not secret: a fingerprint).</summary>
    public string CurrentMasterKeyId => keys.CurrentId;

    public async Task<string> SealAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid subjectId, T value, CancellationToken ct)
    {
        var key = await KeyOfAsync(connection, transaction, subjectId, ct) ?? await CreateKeyAsync(connection, transaction, subjectId, ct);
        return $"{Format}:{Convert.ToBase64String(Encrypt(key, JsonSerializer.SerializeToUtf8Bytes(value, EventSerializer.Options), DataContext(subjectId)))}";
    }

    /// <summary>The data, or null when it has been erased.</summary>
    public async Task<T?> OpenAsync<T>(Guid subjectId, string sealedValue, CancellationToken ct) where T : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var key = await KeyOfAsync(connection, null, subjectId, ct);
        return key is null ? null : Open<T>(key, subjectId, sealedValue);
    }

    public async Task<bool> EraseAsync(Guid subjectId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await EraseAsync(connection, null, subjectId, ct);
    }

    /// <summary>Destroys the subject's key inside the caller's transaction (with the event that records the erasure).</summary>
    public async Task<bool> EraseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid subjectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE personal_data_keys SET wrapped_key = NULL, master_key_id = NULL, erased = now() WHERE subject_id = @subject AND erased IS NULL", connection, transaction);
        command.Parameters.AddWithValue("subject", subjectId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Re-wraps every key not wrapped by the current master key (after a rotation, or in the first format); returns how many.</summary>
    public async Task<int> RewrapAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var select = new NpgsqlCommand("""
                SELECT subject_id, wrapped_key, master_key_id FROM personal_data_keys
                WHERE wrapped_key IS NOT NULL AND master_key_id IS DISTINCT FROM @current
                LIMIT 500 FOR UPDATE SKIP LOCKED
                """, connection, transaction);
            select.Parameters.AddWithValue("current", keys.CurrentId);
            var rows = new List<(Guid Subject, byte[] Wrapped, string? KeyId)>();
            await using (var reader = await select.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows.Add((reader.GetGuid(0), (byte[])reader[1], reader.IsDBNull(2) ? null : reader.GetString(2)));
            if (rows.Count == 0) return total;
            foreach (var (subject, wrapped, keyId) in rows)
            {
                await using var update = new NpgsqlCommand(
                    "UPDATE personal_data_keys SET wrapped_key = @key, master_key_id = @id WHERE subject_id = @subject", connection, transaction);
                update.Parameters.AddWithValue("subject", subject);
                update.Parameters.AddWithValue("key", Wrap(Unwrap(subject, wrapped, keyId), subject));
                update.Parameters.AddWithValue("id", keys.CurrentId);
                await update.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            total += rows.Count;
        }
    }

    /// <summary>
    /// Seals a secret the service keeps only to give it back (a stored answer such as an access
    /// code) under a key derived from the master key, bound to <paramref name="context"/>.
    /// </summary>
    public string SealSecret(string plaintext, string context) =>
        $"{ResponseFormat}:{keys.CurrentId}:{Convert.ToBase64String(Encrypt(keys.SecretsKey(keys.CurrentId), Encoding.UTF8.GetBytes(plaintext), SecretContext(context)))}";

    public static bool IsSealedSecret(string value) => value.StartsWith(ResponseFormat + ":", StringComparison.Ordinal);

    public string OpenSecret(string sealedValue, string context)
    {
        var parts = sealedValue.Split(':', 3);
        if (parts.Length != 3 || parts[0] != ResponseFormat) throw new FormatException("Unknown sealed-secret format.");
        return Encoding.UTF8.GetString(Decrypt(keys.SecretsKey(parts[1]), Convert.FromBase64String(parts[2]), SecretContext(context)));
    }

    private T? Open<T>(byte[] key, Guid subjectId, string sealedValue) where T : class
    {
        var parts = sealedValue.Split(':', 2);
        var associated = parts[0] switch
        {
            Format => DataContext(subjectId),
            FirstFormat => [],
            _ => throw new FormatException("Unknown sealed-data format."),
        };
        return JsonSerializer.Deserialize<T>(Decrypt(key, Convert.FromBase64String(parts[1]), associated), EventSerializer.Options);
    }

    private async Task<byte[]?> KeyOfAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid subjectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT wrapped_key, master_key_id FROM personal_data_keys WHERE subject_id = @subject", connection, transaction);
        command.Parameters.AddWithValue("subject", subjectId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0)) return null;
        return Unwrap(subjectId, (byte[])reader[0], reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task<byte[]> CreateKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid subjectId, CancellationToken ct)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var command = new NpgsqlCommand(
            "INSERT INTO personal_data_keys (subject_id, wrapped_key, master_key_id) VALUES (@subject, @key, @id)", connection, transaction);
        command.Parameters.AddWithValue("subject", subjectId);
        command.Parameters.AddWithValue("key", Wrap(key, subjectId));
        command.Parameters.AddWithValue("id", keys.CurrentId);
        await command.ExecuteNonQueryAsync(ct);
        return key;
    }

    private byte[] Wrap(byte[] key, Guid subjectId) => Encrypt(keys.Key(keys.CurrentId), key, WrapContext(subjectId, keys.CurrentId));

    private byte[] Unwrap(Guid subjectId, byte[] wrapped, string? masterKeyId)
    {
        if (masterKeyId is not null) return Decrypt(keys.Key(masterKeyId), wrapped, WrapContext(subjectId, masterKeyId));
        // The first format: no key id recorded, no associated data; whichever configured master key wrapped it.
        foreach (var candidate in keys.All)
        {
            try
            {
                return Decrypt(candidate, wrapped, []);
            }
            catch (AuthenticationTagMismatchException) when (candidate != keys.All[^1])
            {
            }
        }
        throw new AuthenticationTagMismatchException();
    }

    private static byte[] DataContext(Guid subjectId) => Encoding.UTF8.GetBytes($"humas/personal-data/{subjectId}");

    private static byte[] WrapContext(Guid subjectId, string masterKeyId) => Encoding.UTF8.GetBytes($"humas/subject-key/{subjectId}/{masterKeyId}");

    private static byte[] SecretContext(string context) => Encoding.UTF8.GetBytes($"humas/secret/{context}");

    // Layout: nonce (12) | tag (16) | ciphertext.
    private static byte[] Encrypt(byte[] key, byte[] plaintext, byte[] associatedData)
    {
        var output = new byte[12 + 16 + plaintext.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, output.AsSpan(28), output.AsSpan(12, 16), associatedData);
        return output;
    }

    private static byte[] Decrypt(byte[] key, byte[] sealedBytes, byte[] associatedData)
    {
        var plaintext = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plaintext, associatedData);
        return plaintext;
    }

    /// <summary>The current master key and the previous ones, each by its id: a fingerprint that does not reveal it.</summary>
    private sealed class MasterKeyRing
    {
        private readonly Dictionary<string, byte[]> byId = [];

        public MasterKeyRing(PersonalDataOptions options)
        {
            All = [options.MasterKeyBytes(), .. options.PreviousMasterKeyBytes()];
            foreach (var key in All) byId.TryAdd(IdOf(key), key);
            CurrentId = IdOf(All[0]);
        }

        public byte[][] All { get; }

        public string CurrentId { get; }

        public byte[] Key(string id) =>
            byId.TryGetValue(id, out var key) ? key : throw new CryptographicException($"Master key {id} is not configured (Humas:PersonalData:MasterKey or PreviousMasterKeys).");

        public byte[] SecretsKey(string id) => HKDF.DeriveKey(HashAlgorithmName.SHA256, Key(id), 32, info: Encoding.UTF8.GetBytes("humas/stored-secrets"));

        private static string IdOf(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("humas/master-key-id")).AsSpan(0, 6));
    }
}

public sealed class PersonalDataOptions
{
    /// <summary>Base64 of 32 bytes. Production supplies it from a secret store; development has its own in appsettings.Development.json.</summary>
    public string MasterKey { get; set; } = "";

    /// <summary>Master keys being replaced (base64 of 32 bytes each): still opened, until every key is re-wrapped by the current one.</summary>
    public List<string> PreviousMasterKeys { get; set; } = [];

    public byte[] MasterKeyBytes() => Parse(MasterKey, "Humas:PersonalData:MasterKey");

    public IEnumerable<byte[]> PreviousMasterKeyBytes() =>
        PreviousMasterKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select((k, i) => Parse(k, $"Humas:PersonalData:PreviousMasterKeys:{i}")).ToList();

    private static byte[] Parse(string value, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = string.IsNullOrWhiteSpace(value) ? [] : Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            bytes = [];
        }
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{setting} must be the base64 of 32 random bytes.");
    }
}
