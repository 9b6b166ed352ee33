using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Humas.Clarifications.Matching;

/// <summary>The two tiers of a match: confirmed links a report at once, suggested asks an officer.</summary>
public enum MatchTier { Suggested, Confirmed }

/// <summary>Thresholds of matching, from configuration (Humas:Clarifications:Matching).</summary>
public sealed record MatchingSettings
{
    public double SuggestThreshold { get; init; } = 0.25;
    public double ConfirmThreshold { get; init; } = 0.65;

    /// <summary>A text with fewer words is only ever suggested.</summary>
    public int MinimumWordsToConfirm { get; init; } = 8;

    public int MaxResults { get; init; } = 5;
}

/// <summary>
/// What matching knows of a published clarification, or of an open case (<paramref name="CaseId"/> and its
/// <paramref name="UnitId"/> set; its number is <see cref="MatchIndex.CaseKey"/>, its title and label empty).
/// </summary>
public sealed record MatchCandidate(string Number, string Title, string Label, string Claim, Guid? CaseId = null, string? UnitId = null);

public sealed record Match(string Number, string Title, string Label, double Score, MatchTier Tier);

/// <summary>
/// An in-memory inverted index of the claims of published clarifications (and open cases) by
/// their normalised terms (see <see cref="ClaimText"/>), scored by IDF-weighted Dice overlap.
/// Thread-safe: searches run while entries are added or removed.
/// </summary>
public sealed class MatchIndex
{
    private sealed record Entry(MatchCandidate Candidate, Dictionary<string, int> Terms);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    /// <summary>For each term, the entries holding it (by number) with how often: a search walks these without looking entries up again.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (Entry Entry, int Count)>> postings = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    public void Upsert(MatchCandidate candidate)
    {
        Remove(candidate.Number);
        var terms = Bag(ClaimText.Terms(candidate.Claim));
        var entry = new Entry(candidate, terms);
        entries[candidate.Number] = entry;
        foreach (var (term, count) in terms)
            postings.GetOrAdd(term, _ => new ConcurrentDictionary<string, (Entry, int)>(StringComparer.Ordinal))[candidate.Number] = (entry, count);
    }

    public void Remove(string number)
    {
        if (!entries.TryRemove(number, out var old)) return;
        foreach (var term in old.Terms.Keys)
            if (postings.TryGetValue(term, out var list)) list.TryRemove(number, out _);
    }

    /// <summary>The key an open case is indexed under, apart from the numbers of published clarifications.</summary>
    public static string CaseKey(Guid caseId) => $"case:{caseId}";

    /// <summary>The published clarifications at or above the suggested threshold, best first. Open cases are never among them: they are not public.</summary>
    public IReadOnlyList<Match> Search(string text, MatchingSettings settings) => Ranked(text, settings, c => c.CaseId is null).Select(r => r.Match).ToList();

    /// <summary>The open cases of the unit at or above the suggested threshold, best first (scored like published clarifications, over the same index).</summary>
    public IReadOnlyList<(Guid CaseId, Match Match)> SearchOpenCases(string text, MatchingSettings settings, string unitId) =>
        Ranked(text, settings, c => c.CaseId is not null && c.UnitId == unitId).Select(r => (r.Candidate.CaseId!.Value, r.Match)).ToList();

    private IEnumerable<(MatchCandidate Candidate, Match Match)> Ranked(string text, MatchingSettings settings, Func<MatchCandidate, bool> include)
    {
        var query = Bag(ClaimText.Terms(text));
        if (query.Count == 0) return [];
        var total = Math.Max(entries.Count, 1);
        var weights = query.Keys.ToDictionary(t => t, t => Weight(t, total));
        var queryMass = query.Sum(kv => weights[kv.Key] * kv.Value);
        var overlap = new Dictionary<Entry, double>(ReferenceEqualityComparer.Instance);
        foreach (var (term, count) in query)
        {
            if (!postings.TryGetValue(term, out var list)) continue;
            // A term in most claims tells nothing; skipping its long posting list keeps the search fast.
            if (list.Count > total / 2 && total > 1000) continue;
            var weight = weights[term];
            foreach (var (_, (entry, held)) in list)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(overlap, entry, out _);
                sum += weight * Math.Min(count, held);
            }
        }
        var canConfirm = ClaimText.WordCount(text) >= settings.MinimumWordsToConfirm;
        var results = new List<(MatchCandidate Candidate, Match Match)>();
        foreach (var (entry, shared) in overlap)
        {
            // The score cannot exceed 2·shared/queryMass: most candidates sharing a common term stop here.
            if (2 * shared / queryMass < settings.SuggestThreshold) continue;
            // An entry replaced or removed while this search ran is left out.
            var number = entry.Candidate.Number;
            if (!entries.TryGetValue(number, out var current) || !ReferenceEquals(current, entry) || !include(entry.Candidate)) continue;
            var entryMass = 0.0;
            foreach (var (term, count) in entry.Terms)
            {
                // Candidates share most of their terms: each term's weight is worked out once per search
                // (a posting list's Count takes all of its locks).
                if (!weights.TryGetValue(term, out var weight)) weights[term] = weight = Weight(term, total);
                entryMass += weight * count;
            }
            var score = Math.Round(2 * shared / (queryMass + entryMass), 4);
            if (score < settings.SuggestThreshold) continue;
            var tier = canConfirm && score >= settings.ConfirmThreshold ? MatchTier.Confirmed : MatchTier.Suggested;
            results.Add((entry.Candidate, new Match(number, entry.Candidate.Title, entry.Candidate.Label, score, tier)));
        }
        return results.OrderByDescending(r => r.Match.Score).ThenBy(r => r.Match.Number, StringComparer.Ordinal).Take(settings.MaxResults);
    }

    private double Weight(string term, int total)
    {
        var df = postings.TryGetValue(term, out var list) ? list.Count : 0;
        return Math.Log(1 + (total + 1.0) / (df + 1.0));
    }

    private static Dictionary<string, int> Bag(IEnumerable<string> terms)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) bag[term] = bag.GetValueOrDefault(term) + 1;
        return bag;
    }
}
