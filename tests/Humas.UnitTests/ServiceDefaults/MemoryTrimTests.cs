using Humas.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Humas.UnitTests.ServiceDefaults;

public sealed class MemoryTrimTests
{
    private static MemoryTrim Trim(string after, string every = "00:00:00") =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Humas:Memory:TrimAfterStart"] = after,
            ["Humas:Memory:TrimNativeHeapEvery"] = every,
        }).Build());

    [Fact]
    public async Task Once_the_wait_has_passed_it_runs_one_full_collection_and_with_no_period_it_stops()
    {
        using var trim = Trim("00:00:00.05");
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        await trim.StartAsync(CancellationToken.None);
        await trim.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "no full collection ran");
        Assert.Equal(1, trim.NativeHeapTrims);
    }

    [Fact]
    public async Task After_start_it_trims_the_native_heap_at_each_period_until_stopped()
    {
        using var trim = Trim("00:00:00.01", every: "00:00:00.05");
        await trim.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (trim.NativeHeapTrims < 4 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(trim.NativeHeapTrims >= 4, $"only {trim.NativeHeapTrims} trims in 10 s at a period of 50 ms");
        Assert.False(trim.ExecuteTask!.IsCompleted);
        await trim.StopAsync(CancellationToken.None);
        Assert.True(trim.ExecuteTask.IsCompleted && !trim.ExecuteTask.IsFaulted);
    }

    [Fact]
    public async Task A_wait_of_zero_turns_it_off_and_stopping_during_the_wait_ends_it_without_an_error()
    {
        using var off = Trim("00:00:00", every: "00:05:00");
        await off.StartAsync(CancellationToken.None);
        await off.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, off.NativeHeapTrims);

        using var later = Trim("01:00:00");
        await later.StartAsync(CancellationToken.None);
        Assert.False(later.ExecuteTask!.IsCompleted);
        await later.StopAsync(CancellationToken.None);
        Assert.True(later.ExecuteTask.IsCompleted && !later.ExecuteTask.IsFaulted);
    }
}
