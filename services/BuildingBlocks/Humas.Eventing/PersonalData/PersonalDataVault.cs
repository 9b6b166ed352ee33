using System.Security.Cryptography;
using System.Text.Json;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Eventing.PersonalData;

/// <summary>
/// Crypto-shredding for personal data that must travel inside events: each data subject gets
/// a key of their own, stored wrapped by the service's master key outside the log. Events
/// carry only ciphertext; erasing the key makes every copy of the data unreadable while the
/// events themselves stay intact.
/// </summary>
public sealed class PersonalDataVault(NpgsqlDataSource dataSource, PersonalDataOptions options)
{
    private const string Version = "v1";
    private readonly byte[] masterKey = options.MasterKeyBytes();

    public async Task<string> SealAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid subjectId, T value, CancellationToken ct)
    {
        var key = await KeyOfAsync(connection, transaction, subjectId, ct) ?? await CreateKeyAsync(connection, transaction, subjectId, ct);
        return $"{Version}:{Convert.ToBase64String(Encrypt(key, JsonSerializer.SerializeToUtf8Bytes(value, EventSerializer.Options)))}";
    }

    /// <summary>The data, or null when it has been erased.</summary>
    public async Task<T?> OpenAsync<T>(Guid subjectId, string sealedValue, CancellationToken ct) where T : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var key = await KeyOfAsync(connection, null, subjectId, ct);
        return key is null ? null : Open<T>(key, sealedValue);
    }

    public async Task<bool> EraseAsync(Guid subjectId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE personal_data_keys SET wrapped_key = NULL, erased = now() WHERE subject_id = @subject AND erased IS NULL");
        command.Parameters.AddWithValue("subject", subjectId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private T? Open<T>(byte[] key, string sealedValue) where T : class
    {
        var parts = sealedValue.Split(':', 2);
        if (parts.Length != 2 || parts[0] != Version) throw new FormatException("Unknown sealed-data format.");
        return JsonSerializer.Deserialize<T>(Decrypt(key, Convert.FromBase64String(parts[1])), EventSerializer.Options);
    }

    private async Task<byte[]?> KeyOfAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid subjectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT wrapped_key FROM personal_data_keys WHERE subject_id = @subject", connection, transaction);
        command.Parameters.AddWithValue("subject", subjectId);
        return await command.ExecuteScalarAsync(ct) is byte[] wrapped ? Decrypt(masterKey, wrapped) : null;
    }

    private async Task<byte[]> CreateKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid subjectId, CancellationToken ct)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var command = new NpgsqlCommand("INSERT INTO personal_data_keys (subject_id, wrapped_key) VALUES (@subject, @key)", connection, transaction);
        command.Parameters.AddWithValue("subject", subjectId);
        command.Parameters.AddWithValue("key", Encrypt(masterKey, key));
        await command.ExecuteNonQueryAsync(ct);
        return key;
    }

    // Layout: nonce (12) | tag (16) | ciphertext.
    private static byte[] Encrypt(byte[] key, byte[] plaintext)
    {
        var output = new byte[12 + 16 + plaintext.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    private static byte[] Decrypt(byte[] key, byte[] sealedBytes)
    {
        var plaintext = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plaintext);
        return plaintext;
    }
}

public sealed class PersonalDataOptions
{
    /// <summary>Base64 of 32 bytes. Production supplies it from a secret store; development has its own in appsettings.Development.json.</summary>
    public string MasterKey { get; set; } = "";

    public byte[] MasterKeyBytes()
    {
        var bytes = string.IsNullOrWhiteSpace(MasterKey) ? [] : Convert.FromBase64String(MasterKey);
        return bytes.Length == 32
            ? bytes
            : throw new InvalidOperationException("Humas:PersonalData:MasterKey must be the base64 of 32 random bytes.");
    }
}
