using System.Text.Json;
using Humas.Clarifications.Matching;

namespace Humas.UnitTests.Clarifications;

/// <summary>The labelled set of matching-set.json and how matching does on it (also printed by ./humas bench clarifications).</summary>
public sealed record MatchingSet(IReadOnlyList<MatchingSet.Item> Items)
{
    public sealed record Item(string Claim, string Close, string Reworded, string Negative);

    public static MatchingSet Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Clarifications", "matching-set.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var items = document.RootElement.GetProperty("items").EnumerateArray()
            .Select(e => new Item(e.GetProperty("claim").GetString()!, e.GetProperty("close").GetString()!, e.GetProperty("reworded").GetString()!, e.GetProperty("negative").GetString()!))
            .ToList();
        return new MatchingSet(items);
    }

    public static string NumberOf(int index) => $"SET-{index + 1:D5}";

    /// <summary>An index holding the clarified claims of the set (and whatever else the caller adds).</summary>
    public MatchIndex Index(MatchIndex? index = null)
    {
        index ??= new MatchIndex();
        for (var i = 0; i < Items.Count; i++) index.Upsert(new MatchCandidate(NumberOf(i), "[HOAKS] " + Items[i].Claim, "hoaks", Items[i].Claim));
        return index;
    }

    /// <summary>
    /// An index of <paramref name="count"/> published clarifications on the same topics as the set (same vocabulary,
    /// other claims), generated from a fixed seed: what the set is searched among in ./humas bench clarifications.
    /// </summary>
    public static MatchIndex Seeded(int count)
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

    public sealed record Quality(double RecallCloseAt1, double RecallRewordedAt1, double RecallAt1, double ConfirmedPrecision, int Confirmed,
        double NegativesWronglyMatched, double NegativesWronglyConfirmed, IReadOnlyList<string> Misses)
    {
        public override string ToString() =>
            $"recall@1 close {RecallCloseAt1:0.000}, reworded {RecallRewordedAt1:0.000}, both {RecallAt1:0.000}; confirmed precision {ConfirmedPrecision:0.000} ({Confirmed} confirmed); " +
            $"hard negatives wrongly matched {NegativesWronglyMatched:0.000} (confirmed {NegativesWronglyConfirmed:0.000})";
    }

    public Quality Evaluate(MatchIndex index, MatchingSettings settings)
    {
        int closeHits = 0, rewordedHits = 0, confirmed = 0, confirmedRight = 0, negativesMatched = 0, negativesConfirmed = 0;
        var misses = new List<string>();
        for (var i = 0; i < Items.Count; i++)
        {
            var expected = NumberOf(i);
            foreach (var (text, close) in new[] { (Items[i].Close, true), (Items[i].Reworded, false) })
            {
                var top = index.Search(text, settings).FirstOrDefault();
                if (top?.Number == expected) { if (close) closeHits++; else rewordedHits++; }
                else misses.Add($"{(close ? "close" : "reworded")} #{i + 1}: {text} -> {top?.Number ?? "none"} {top?.Score}");
                if (top?.Tier == MatchTier.Confirmed) { confirmed++; if (top.Number == expected) confirmedRight++; }
            }
            var negative = index.Search(Items[i].Negative, settings).FirstOrDefault(m => m.Number == expected);
            if (negative is not null) negativesMatched++;
            if (negative?.Tier == MatchTier.Confirmed) { negativesConfirmed++; confirmed++; }
        }
        var n = (double)Items.Count;
        return new Quality(closeHits / n, rewordedHits / n, (closeHits + rewordedHits) / (2 * n), confirmed == 0 ? 1 : confirmedRight / (double)confirmed, confirmed,
            negativesMatched / n, negativesConfirmed / n, misses);
    }
}
