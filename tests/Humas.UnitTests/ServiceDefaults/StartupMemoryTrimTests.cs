using Humas.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Humas.UnitTests.ServiceDefaults;

public sealed class StartupMemoryTrimTests
{
    private static StartupMemoryTrim Trim(string after) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Humas:Memory:TrimAfterStart"] = after }).Build());

    [Fact]
    public async Task Once_the_wait_has_passed_it_runs_one_full_collection_and_stops()
    {
        using var trim = Trim("00:00:00.05");
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        await trim.StartAsync(CancellationToken.None);
        await trim.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "no full collection ran");
    }

    [Fact]
    public async Task A_wait_of_zero_turns_it_off_and_stopping_during_the_wait_ends_it_without_an_error()
    {
        using var off = Trim("00:00:00");
        await off.StartAsync(CancellationToken.None);
        await off.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        using var later = Trim("01:00:00");
        await later.StartAsync(CancellationToken.None);
        Assert.False(later.ExecuteTask!.IsCompleted);
        await later.StopAsync(CancellationToken.None);
        Assert.True(later.ExecuteTask.IsCompleted && !later.ExecuteTask.IsFaulted);
    }
}
