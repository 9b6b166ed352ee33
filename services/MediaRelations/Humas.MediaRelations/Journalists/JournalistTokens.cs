using System.Security.Cryptography;
using System.Text;
using Humas.UseCases.Access;
using Microsoft.Extensions.Options;

namespace Humas.MediaRelations.Journalists;

/// <summary>The key journalists' tokens are hashed with (Humas:Media:TokenKey, base64 of at least 32 random bytes).</summary>
public sealed class JournalistTokenOptions
{
    public string TokenKey { get; set; } = "";
}

/// <summary>
/// A journalist's personal token for the embargoed channel (header <c>X-Journalist-Token</c>):
/// 32 characters of an alphabet without look-alikes, shown once when issued. Only its HMAC-SHA-256
/// under a server-side key is kept, so the database (or a backup) does not let anyone test guesses.
/// </summary>
public sealed class JournalistTokens(IOptions<JournalistTokenOptions> options)
{
    public const string Header = "X-Journalist-Token";
    public const string Setting = "Humas:Media:TokenKey";
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 32;

    private readonly Lazy<byte[]> key = new(() => new AccessCodeOptions { Key = options.Value.TokenKey }.KeyBytes(Setting));

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public string Hash(string token) =>
        "hmac-sha256:" + Convert.ToHexString(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(token.Trim().ToUpperInvariant())));
}
