using Humas.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Humas.UnitTests.Portal;

/// <summary>How the portal's replicas come to share one data-protection key ring, and when it refuses to start.</summary>
public sealed class PortalKeyRingTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("humas-portal-keys-");

    public void Dispose() => folder.Delete(recursive: true);

    private static IDataProtector Replica(DirectoryInfo ring, bool writable)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        PortalKeyRing.AddPortalKeyRing(services, ring, writable);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("console-cookie");
    }

    private static IHostEnvironment Environment(string name) =>
        new HostingEnvironment { EnvironmentName = name, ContentRootPath = Path.GetTempPath() };

    [Fact]
    public void Outside_Development_the_portal_does_not_start_without_a_key_ring()
    {
        var configuration = new ConfigurationBuilder().Build();
        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPortalKeyRing(configuration, Environment(Environments.Production)));
        Assert.Contains(PortalKeyRing.Setting, refused.Message, StringComparison.Ordinal);
        new ServiceCollection().AddPortalKeyRing(configuration, Environment(Environments.Development));
    }

    [Fact]
    public void A_read_only_key_ring_without_a_key_is_refused_at_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Replica(folder, writable: false));
        Assert.Contains("new-key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replicas_reading_one_read_only_ring_read_each_others_cookies_and_make_no_key_of_their_own()
    {
        var key = PortalKeyRing.CreateKey(folder.FullName, 365, TimeProvider.System);
        var first = Replica(folder, writable: false);
        var second = Replica(folder, writable: false);

        Assert.Equal("the officer's tokens", second.Unprotect(first.Protect("the officer's tokens")));
        Assert.Equal([$"key-{key.KeyId}.xml"], folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Replicas_sharing_a_writable_folder_agree_on_the_key_the_first_one_made()
    {
        var first = Replica(folder, writable: true);
        var protectedByFirst = first.Protect("a form's token");
        var second = Replica(folder, writable: true);

        Assert.Equal("a form's token", second.Unprotect(protectedByFirst));
        Assert.Single(folder.GetFiles("key-*.xml"));
    }

    [Fact]
    public void A_replica_with_a_ring_of_its_own_cannot_read_another_ones_cookie()
    {
        using var other = new TempFolder();
        var first = Replica(folder, writable: true);
        var stranger = Replica(other.Directory, writable: true);

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.Unprotect(first.Protect("the officer's tokens")));
    }

    [Fact]
    public void A_later_key_becomes_active_two_days_after_it_was_made_so_every_replica_has_read_it_first()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var first = PortalKeyRing.CreateKey(folder.FullName, 365, clock);
        var next = PortalKeyRing.CreateKey(folder.FullName, 365, clock);

        Assert.Equal(clock.GetUtcNow(), first.ActivationDate);
        Assert.Equal(clock.GetUtcNow().AddDays(365), first.ExpirationDate);
        Assert.Equal(clock.GetUtcNow().AddDays(2), next.ActivationDate);
        Assert.Equal(2, folder.GetFiles("key-*.xml").Length);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class TempFolder : IDisposable
    {
        public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("humas-portal-keys-");

        public void Dispose() => Directory.Delete(recursive: true);
    }
}
