using System.Diagnostics;

namespace Humas.Benchmarks;

/// <summary>Runs one operation per writer in a loop, writers side by side, and counts completed operations.</summary>
public static class ConcurrentWriters
{
    /// <summary>Operations per second over the given duration. Each writer keeps its own state in its operation.</summary>
    public static async Task<double> OperationsPerSecondAsync(IReadOnlyList<Func<Task>> writers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(writers.Select(operation => Task.Run(async () =>
        {
            var done = 0L;
            while (clock.Elapsed < duration)
            {
                await operation();
                done++;
            }
            return done;
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs every writer a fixed number of times.</summary>
    public static Task RunAsync(IReadOnlyList<Func<Task>> writers, int operationsPerWriter) =>
        Task.WhenAll(writers.Select(operation => Task.Run(async () =>
        {
            for (var i = 0; i < operationsPerWriter; i++) await operation();
        })));
}

public static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
