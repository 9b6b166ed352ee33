using System.Diagnostics;
using Humas.Clarifications.Matching;
using Humas.UnitTests.Clarifications;

namespace Humas.Benchmarks;

/// <summary>
/// ./humas bench clarifications: matching at intake on the labelled set of the unit tests, alone
/// (the baseline) and among 100,000 seeded published clarifications on the same topics; prints the
/// quality figures and the search latency, with the ratio of each run to the baseline; then the same
/// 100,000 and queries with every entry scored, the exact answer the search is checked against.
/// </summary>
public static class ClarificationsMatchingBenchmark
{
    public const int Seeded = 100_000;

    public static int Run(string[] args)
    {
        var settings = new MatchingSettings();
        var quick = args.Any(a => a is "--quick" or "-q");
        var seeded = quick ? 10_000 : Seeded;
        var set = MatchingSet.Load();
        Console.WriteLine($"Clarifications matching benchmark{(quick ? " (--quick)" : "")} on {Environment.ProcessorCount} cores; thresholds suggest {settings.SuggestThreshold}, confirm {settings.ConfirmThreshold}, confirm from {settings.MinimumWordsToConfirm} words");

        var baseline = set.Index();
        var full = set.Index(MatchingSet.Seeded(seeded));
        var queries = set.Items.SelectMany(i => new[] { i.Close, i.Reworded, i.Negative }).ToList();

        var rows = new List<IReadOnlyList<string>>();
        var (baseQuality, baseLatency) = Measure(set, baseline, settings, queries, baseline.Search);
        var (fullQuality, fullLatency) = Measure(set, full, settings, queries, full.Search);
        // The same 100,000 and queries, every entry scored: what the search must answer, and how long that takes.
        var (_, everyLatency) = Measure(set, full, settings, queries, full.SearchEveryEntry);
        var same = queries.Count(q => full.Search(q, settings).SequenceEqual(full.SearchEveryEntry(q, settings)));
        foreach (var (name, q, l) in new[] { ($"set only ({baseline.Count})", baseQuality, baseLatency), ($"set + {seeded:N0} seeded", fullQuality, fullLatency) })
            rows.Add([name, $"{q.RecallCloseAt1:0.000}", $"{q.RecallRewordedAt1:0.000}", $"{q.RecallAt1:0.000}", $"{q.ConfirmedPrecision:0.000}",
                $"{q.NegativesWronglyMatched:0.000}", $"{q.NegativesWronglyConfirmed:0.000}", $"{l.P50:0.00}", $"{l.P95:0.00}"]);
        rows.Add([$"set + {seeded:N0}, every entry scored", "", "", "", "", "", "", $"{everyLatency.P50:0.00}", $"{everyLatency.P95:0.00}"]);
        Console.WriteLine();
        ConsoleTable.Print(["index", "recall@1 close", "recall@1 reworded", "recall@1 both", "confirmed precision", "negatives matched", "negatives confirmed", "p50 ms", "p95 ms"], rows);
        Console.WriteLine();
        Console.WriteLine($"  p95 latency with {seeded:N0} seeded / set only: {fullLatency.P95 / Math.Max(baseLatency.P95, 0.001):0.0}x; recall@1 both / set only: {fullQuality.RecallAt1 / Math.Max(baseQuality.RecallAt1, 0.001):0.00}");
        Console.WriteLine($"  search / every entry scored, same {seeded:N0} and queries: p50 {fullLatency.P50 / Math.Max(everyLatency.P50, 0.001):0.00}x, p95 {fullLatency.P95 / Math.Max(everyLatency.P95, 0.001):0.00}x; same answer (matches, scores, order) for {same} of {queries.Count} queries");
        Console.WriteLine($"  targets: confirmed precision >= 0.98 {(fullQuality.ConfirmedPrecision >= 0.98 ? "met" : "NOT met")}, recall@1 both tiers >= 0.9 {(fullQuality.RecallAt1 >= 0.9 ? "met" : "NOT met")}, p95 < 50 ms {(fullLatency.P95 < 50 ? "met" : "NOT met")}");
        return 0;
    }

    private sealed record Latency(double P50, double P95);

    private static (MatchingSet.Quality, Latency) Measure(MatchingSet set, MatchIndex index, MatchingSettings settings, IReadOnlyList<string> queries,
        Func<string, MatchingSettings, IReadOnlyList<Match>> search)
    {
        foreach (var q in queries) search(q, settings); // warm up
        var quality = set.Evaluate(index, settings);
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
            foreach (var q in queries)
            {
                var started = Stopwatch.GetTimestamp();
                search(q, settings);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        times.Sort();
        return (quality, new Latency(times[times.Count / 2], times[(int)(times.Count * 0.95)]));
    }
}
