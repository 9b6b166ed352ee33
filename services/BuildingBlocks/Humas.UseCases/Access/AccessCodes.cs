using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Humas.UseCases.Access;

/// <summary>
/// The secret a requester without an account follows their request with. The alphabet leaves
/// out characters that are easily confused when read aloud or typed on a phone (0/O, 1/I/L).
/// </summary>
public static class AccessCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    internal static byte[] Normalized(string code) => Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant());
}

/// <summary>The server-side key access codes are hashed with (configuration, e.g. Humas:Ppid:AccessCodeKey).</summary>
public sealed class AccessCodeOptions
{
    /// <summary>Base64 of at least 32 random bytes. Changing it makes every code already handed out stop matching.</summary>
    public string Key { get; set; } = "";

    public byte[] KeyBytes(string setting)
    {
        byte[] bytes;
        try
        {
            bytes = string.IsNullOrWhiteSpace(Key) ? [] : Convert.FromBase64String(Key);
        }
        catch (FormatException)
        {
            bytes = [];
        }
        return bytes.Length >= 32 ? bytes : throw new InvalidOperationException($"{setting} must be the base64 of at least 32 random bytes.");
    }
}

/// <summary>
/// What is stored of an access code: <c>hmac-sha256:</c> and the hex HMAC-SHA-256 of the code under
/// a server-side key. Someone who reads the database (or a backup) cannot test guesses without
/// that key, where a bare SHA-256 of a 10-character code could be searched exhaustively.
/// Requests registered before keep the bare SHA-256 (64 hex digits, no prefix) their event holds:
/// it is still accepted, so their codes keep working; they keep that weaker protection.
/// </summary>
public sealed class AccessCodeHasher(IOptions<AccessCodeOptions> options)
{
    public const string Prefix = "hmac-sha256:";
    public const string Setting = "Humas:Ppid:AccessCodeKey";

    private readonly Lazy<byte[]> key = new(() => options.Value.KeyBytes(Setting));

    public string Hash(string code) => Prefix + Convert.ToHexString(HMACSHA256.HashData(key.Value, AccessCodes.Normalized(code)));

    public bool Matches(string? code, string storedHash)
    {
        if (code is null || string.IsNullOrEmpty(storedHash)) return false;
        var expected = storedHash.StartsWith(Prefix, StringComparison.Ordinal)
            ? Hash(code)
            : Convert.ToHexString(SHA256.HashData(AccessCodes.Normalized(code)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(storedHash));
    }
}
