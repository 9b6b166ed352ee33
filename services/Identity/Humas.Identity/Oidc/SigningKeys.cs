using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Humas.Identity.Oidc;

/// <summary>
/// The keys of the token server, kept as files in one folder (Humas:Identity:KeysFolder):
/// <c>signing-YYYYMMDDHHMMSS.pem</c> (RSA, PKCS#8), the newest signs, every other one is still
/// published in the JWKS so that tokens it signed stay valid; moving a file into
/// <c>retired/</c> retires it. <c>encryption.key</c> (256 random bits) protects authorization
/// codes and refresh tokens. Both are created on first start; <see cref="Rotate"/> adds a new
/// signing key (<c>dotnet Humas.Identity.dll rotate-signing-key</c>).
/// </summary>
public sealed class SigningKeys
{
    private const string Prefix = "signing-";

    public SigningKeys(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        if (!Directory.EnumerateFiles(Folder, Prefix + "*.pem").Any()) Rotate(Folder);
        Signing = Directory.EnumerateFiles(Folder, Prefix + "*.pem")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Select(Load)
            .ToList();
        var encryptionFile = Path.Combine(Folder, "encryption.key");
        if (!File.Exists(encryptionFile)) WritePrivate(encryptionFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Encryption = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(encryptionFile).Trim()));
    }

    public string Folder { get; }

    /// <summary>Newest first: the first one signs.</summary>
    public IReadOnlyList<RsaSecurityKey> Signing { get; }

    public SymmetricSecurityKey Encryption { get; }

    /// <summary>Writes a new signing key into the folder; it signs from the next start on.</summary>
    public static string Rotate(string folder)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var file = Path.Combine(folder, $"{Prefix}{DateTime.UtcNow:yyyyMMddHHmmssfff}.pem");
        WritePrivate(file, rsa.ExportPkcs8PrivateKeyPem());
        return file;
    }

    private static RsaSecurityKey Load(string file)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        return new RsaSecurityKey(rsa) { KeyId = Path.GetFileNameWithoutExtension(file) };
    }

    private static void WritePrivate(string file, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(file, options);
        writer.Write(content);
    }
}
