using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Humas.Portal;

/// <summary>
/// The keys that protect the console's session cookie (it carries the officer's tokens) and every
/// form's antiforgery token. All replicas of the portal read one key ring, so that what one
/// replica protected the next one a request lands on can read.
/// <list type="bullet">
/// <item>A writable folder (a volume shared by the replicas, or the one container of a single
/// server): the portal creates and rotates keys there itself.</item>
/// <item>A read-only folder (a Kubernetes Secret): the keys in it are used as they are; none is
/// created, so the replicas never drift apart. <c>new-key</c> makes the files.</item>
/// </list>
/// Outside Development the portal does not start without one.
/// </summary>
public static class PortalKeyRing
{
    public const string Setting = "Humas:Portal:KeyRing";
    public const string ApplicationName = "humas-portal";

    public static void AddPortalKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration[Setting];
        if (string.IsNullOrWhiteSpace(folder))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"{Setting} is not set. Every portal replica must read the same key ring (a folder: a Secret mounted read-only, " +
                    "or a volume they share), or officers are signed out and forms refused whenever a request lands on another " +
                    "replica. See deploy/README.md, \"The portal's key ring\".");
            services.AddDataProtection().SetApplicationName(ApplicationName);
            return;
        }
        var directory = new DirectoryInfo(Path.GetFullPath(folder, environment.ContentRootPath));
        AddPortalKeyRing(services, directory, IsWritable(directory));
    }

    /// <summary>The key ring in <paramref name="directory"/>; read-only, it must already hold a key.</summary>
    public static void AddPortalKeyRing(IServiceCollection services, DirectoryInfo directory, bool writable)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(directory);
        if (writable) return;
        if (!directory.Exists || !directory.EnumerateFiles("key-*.xml").Any())
            throw new InvalidOperationException(
                $"The portal's key ring {directory.FullName} is read-only and holds no key (key-*.xml). " +
                "Create one with `dotnet Humas.Portal.dll new-key <folder>` and put the file in it (deploy/README.md, \"The portal's key ring\").");
        protection.DisableAutomaticKeyGeneration();
    }

    /// <summary>
    /// Writes a new key into <paramref name="folder"/>, valid for <paramref name="days"/>. The first key
    /// is active at once; a later one two days on, so that every replica has read it before any
    /// replica protects with it (a replica reloads its ring at least once a day).
    /// </summary>
    public static IKey CreateKey(string folder, int days, TimeProvider clock)
    {
        var directory = Directory.CreateDirectory(folder);
        var rotation = directory.EnumerateFiles("key-*.xml").Any();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(directory).DisableAutomaticKeyGeneration();
        using var provider = services.BuildServiceProvider();
        var now = clock.GetUtcNow();
        var activation = rotation ? now.AddDays(2) : now;
        return provider.GetRequiredService<IKeyManager>().CreateNewKey(activation, activation.AddDays(days));
    }

    /// <summary><c>new-key FOLDER [DAYS]</c>: the command line of <see cref="CreateKey"/>.</summary>
    public static int CreateKeyCommand(string[] args)
    {
        if (args.Length is < 2 or > 3 || (args.Length == 3 && !int.TryParse(args[2], out _)))
        {
            Console.Error.WriteLine("usage: Humas.Portal new-key FOLDER [DAYS (default 365)]");
            return 2;
        }
        var days = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 365;
        if (days is < 1 or > 3650)
        {
            Console.Error.WriteLine("DAYS must be between 1 and 3650");
            return 2;
        }
        var key = CreateKey(args[1], days, TimeProvider.System);
        Console.WriteLine($"key {key.KeyId} written to {Path.GetFullPath(args[1])}: active from {key.ActivationDate:yyyy-MM-dd HH:mm} UTC until {key.ExpirationDate:yyyy-MM-dd} UTC");
        return 0;
    }

    /// <summary>Whether the portal may write into the folder (a Secret's mount is a read-only file system).</summary>
    private static bool IsWritable(DirectoryInfo directory)
    {
        try
        {
            directory.Create();
            var probe = Path.Combine(directory.FullName, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
