using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Humas.ServiceDefaults;

/// <summary>
/// Gives memory the application no longer uses back to the operating system.
/// <list type="bullet">
/// <item>Once the application is ready: one compacting, decommitting collection some seconds after
/// start (Humas:Memory:TrimAfterStart, 10 s; 0 turns the whole trim off). Start-up (schema
/// migrations, building the endpoints, the first health probes) leaves garbage and a grown heap
/// that an idle application would otherwise keep resident until load came and went.</item>
/// <item>From then on, glibc's free native heap every few minutes (Humas:Memory:TrimNativeHeapEvery,
/// 5 minutes; 0 turns it off). Native memory freed by the runtime (the JIT's working memory as the
/// background work's methods are compiled again, the C libraries' buffers) stays in glibc's heaps,
/// most of it in the per-thread arenas, which glibc does not shrink by itself: an idle application
/// grew by 15–20 MiB in its first quarter of an hour that one malloc_trim gave back.</item>
/// </list>
/// Measured in docs/performance.md (Memory).
/// </summary>
public sealed class MemoryTrim(IConfiguration configuration) : BackgroundService
{
    private int nativeHeapTrims;

    /// <summary>How often the native heap was trimmed (the one after start included).</summary>
    public int NativeHeapTrims => Volatile.Read(ref nativeHeapTrims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = configuration.GetValue("Humas:Memory:TrimAfterStart", TimeSpan.FromSeconds(10));
        var every = configuration.GetValue("Humas:Memory:TrimNativeHeapEvery", TimeSpan.FromMinutes(5));
        if (after <= TimeSpan.Zero) return;
        try { await Task.Delay(after, stoppingToken); }
        catch (OperationCanceledException) { return; }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
        if (every <= TimeSpan.Zero) return;

        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) TrimNativeHeap();
        }
        catch (OperationCanceledException) { /* stopping */ }
    }

    /// <summary>
    /// malloc_trim hands glibc's free pages back, in every arena. Not on a C library without it
    /// (musl): nothing to do there.
    /// </summary>
    private void TrimNativeHeap()
    {
        Interlocked.Increment(ref nativeHeapTrims);
        if (!OperatingSystem.IsLinux()) return;
        try { MallocTrim(0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

public static class MemoryTrimExtensions
{
    public static IServiceCollection AddMemoryTrim(this IServiceCollection services) =>
        services.AddHostedService<MemoryTrim>();
}
