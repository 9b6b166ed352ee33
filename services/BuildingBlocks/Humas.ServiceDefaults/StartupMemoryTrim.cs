using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Humas.ServiceDefaults;

/// <summary>
/// Gives the memory start-up used back to the operating system once the application is ready:
/// one compacting, decommitting collection some seconds after start (Humas:Memory:TrimAfterStart,
/// 10 s; 0 turns it off). Start-up (schema migrations, building the EF Core model and the
/// endpoints, the first health probes) leaves garbage and a grown heap that an idle application
/// would otherwise keep resident until load came and went. Measured in docs/performance.md (Memory).
/// </summary>
public sealed class StartupMemoryTrim(IConfiguration configuration) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = configuration.GetValue("Humas:Memory:TrimAfterStart", TimeSpan.FromSeconds(10));
        if (after <= TimeSpan.Zero) return;
        try { await Task.Delay(after, stoppingToken); }
        catch (OperationCanceledException) { return; }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
    }

    /// <summary>
    /// glibc keeps the native memory start-up freed (the C libraries' buffers behind the
    /// framework: OpenSSL, ICU) in its heap; malloc_trim hands the free pages back. Not on a C
    /// library without it (musl): nothing to do there.
    /// </summary>
    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { MallocTrim(0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

public static class StartupMemoryTrimExtensions
{
    public static IServiceCollection AddStartupMemoryTrim(this IServiceCollection services) =>
        services.AddHostedService<StartupMemoryTrim>();
}
