using System.Diagnostics;
using Humas.Clarifications.Matching;
using Humas.UnitTests.Clarifications;

namespace Humas.Benchmarks;

/// <summary>
/// ./humas bench clarifications: matching at intake on the labelled set of the unit tests, alone
/// (the baseline) and among 100,000 seeded published clarifications on the same topics; prints the
/// quality figures and the search latency, with the ratio of each run to the baseline.
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
        var full = set.Index(Seed(seeded));
        var queries = set.Items.SelectMany(i => new[] { i.Close, i.Reworded, i.Negative }).ToList();

        var rows = new List<IReadOnlyList<string>>();
        var (baseQuality, baseLatency) = Measure(set, baseline, settings, queries);
        var (fullQuality, fullLatency) = Measure(set, full, settings, queries);
        foreach (var (name, q, l) in new[] { ($"set only ({baseline.Count})", baseQuality, baseLatency), ($"set + {seeded:N0} seeded", fullQuality, fullLatency) })
            rows.Add([name, $"{q.RecallCloseAt1:0.000}", $"{q.RecallRewordedAt1:0.000}", $"{q.RecallAt1:0.000}", $"{q.ConfirmedPrecision:0.000}",
                $"{q.NegativesWronglyMatched:0.000}", $"{q.NegativesWronglyConfirmed:0.000}", $"{l.P50:0.00}", $"{l.P95:0.00}"]);
        Console.WriteLine();
        ConsoleTable.Print(["index", "recall@1 close", "recall@1 reworded", "recall@1 both", "confirmed precision", "negatives matched", "negatives confirmed", "p50 ms", "p95 ms"], rows);
        Console.WriteLine();
        Console.WriteLine($"  p95 latency with {seeded:N0} seeded / set only: {fullLatency.P95 / Math.Max(baseLatency.P95, 0.001):0.0}x; recall@1 both / set only: {fullQuality.RecallAt1 / Math.Max(baseQuality.RecallAt1, 0.001):0.00}");
        Console.WriteLine($"  targets: confirmed precision >= 0.98 {(fullQuality.ConfirmedPrecision >= 0.98 ? "met" : "NOT met")}, recall@1 both tiers >= 0.9 {(fullQuality.RecallAt1 >= 0.9 ? "met" : "NOT met")}, p95 < 50 ms {(fullLatency.P95 < 50 ? "met" : "NOT met")}");
        return 0;
    }

    private sealed record Latency(double P50, double P95);

    private static (MatchingSet.Quality, Latency) Measure(MatchingSet set, MatchIndex index, MatchingSettings settings, IReadOnlyList<string> queries)
    {
        foreach (var q in queries) index.Search(q, settings); // warm up
        var quality = set.Evaluate(index, settings);
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
            foreach (var q in queries)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(q, settings);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        times.Sort();
        return (quality, new Latency(times[times.Count / 2], times[(int)(times.Count * 0.95)]));
    }

    /// <summary>Published clarifications on the same topics as the set (same vocabulary, other claims), generated from a fixed seed.</summary>
    private static MatchIndex Seed(int count)
    {
        string[] subjects = ["KPU", "Bawaslu", "petugas KPPS", "pemilih", "calon presiden", "calon legislatif", "partai politik", "saksi", "panitia", "warga", "aparat", "lembaga survei"];
        string[] actions = ["menetapkan", "membagikan", "menghapus", "menunda", "mencetak", "menghitung", "melaporkan", "memindahkan", "menolak", "mengumumkan", "membatalkan", "mengawasi"];
        string[] objects = ["surat suara", "kotak suara", "daftar pemilih tetap", "tinta", "formulir C1", "hasil rekapitulasi", "uang transport", "logistik pemilu", "jadwal kampanye", "bantuan sosial", "TPS", "server"];
        string[] places = ["Klaten", "Surakarta", "Semarang", "Sleman", "Bantul", "Boyolali", "Sragen", "Wonogiri", "Magelang", "Kudus", "Pati", "Demak", "Jepara", "Tegal", "Brebes", "Cilacap"];
        string[] reasons = ["karena banjir", "karena anggaran", "tanpa pemberitahuan", "sebelum hari pencoblosan", "setelah rapat pleno", "di malam hari", "secara diam-diam", "atas perintah pusat"];
        var random = new Random(20260301);
        var index = new MatchIndex();
        for (var i = 0; i < count; i++)
        {
            var claim = $"{subjects[random.Next(subjects.Length)]} {actions[random.Next(actions.Length)]} {objects[random.Next(objects.Length)]} di {places[random.Next(places.Length)]} {reasons[random.Next(reasons.Length)]} nomor {random.Next(1, 500)}";
            index.Upsert(new MatchCandidate($"SEED-{i:D6}", "[HOAKS] " + claim, "hoaks", claim));
        }
        return index;
    }
}
