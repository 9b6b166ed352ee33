using System.Security.Cryptography;
using System.Text;

namespace Humas.UseCases.Access;

/// <summary>
/// The secret a requester without an account follows their request with. Only its hash is
/// stored; the alphabet leaves out characters that are easily confused when read aloud or typed
/// on a phone (0/O, 1/I/L).
/// </summary>
public static class AccessCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));

    public static bool Matches(string? code, string expectedHash) =>
        code is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(expectedHash));
}
