using Humas.Identity.Oidc;

namespace Humas.UnitTests.Identity;

public sealed class SigningKeysTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"humas-keys-{Guid.NewGuid():N}");

    [Fact]
    public void The_first_start_creates_the_keys_and_the_next_one_reads_the_same()
    {
        var first = new SigningKeys(folder);
        var second = new SigningKeys(folder);
        Assert.Equal(first.Signing.Single().KeyId, second.Signing.Single().KeyId);
        Assert.Equal(first.Encryption.Key, second.Encryption.Key);
        if (OperatingSystem.IsWindows()) return;
        foreach (var file in Directory.GetFiles(folder))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void A_rotated_key_signs_while_the_older_one_is_still_published_until_retired()
    {
        var old = new SigningKeys(folder).Signing.Single().KeyId;
        Thread.Sleep(5); // file names carry milliseconds
        SigningKeys.Rotate(folder);
        var rotated = new SigningKeys(folder);
        Assert.Equal(2, rotated.Signing.Count);
        Assert.NotEqual(old, rotated.Signing[0].KeyId);
        Assert.Equal(old, rotated.Signing[1].KeyId);

        Directory.CreateDirectory(Path.Combine(folder, "retired"));
        File.Move(Path.Combine(folder, old + ".pem"), Path.Combine(folder, "retired", old + ".pem"));
        Assert.DoesNotContain(new SigningKeys(folder).Signing, key => key.KeyId == old);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
