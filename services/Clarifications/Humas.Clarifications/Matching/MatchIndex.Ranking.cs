namespace Humas.Clarifications.Matching;

/// <summary>
/// How a search ranks: the exact IDF-weighted Dice score of every entry it looks at, and an upper
/// bound that tells it when the entries it has not looked at can no longer make the answer
/// (docs/adr/0006, "bounded work per search").
/// </summary>
public sealed partial class MatchIndex
{
    private List<(MatchCandidate Candidate, Match Match)> Ranked(string text, MatchingSettings settings, Func<MatchCandidate, bool> include, bool everyEntry)
    {
        var words = ClaimText.Terms(text);
        if (words.Count == 0 || settings.MaxResults <= 0) return [];
        var best = new BestCandidates(settings.MaxResults, settings.SuggestThreshold);
        if (!scratches.TryTake(out var scratch)) scratch = new SearchScratch();
        var queryTerms = new List<int>(words.Count);
        gate.EnterReadLock();
        try
        {
            scratch.Begin(usedSlots, postings.Count, Math.Max(slotsByNumber.Count, 1));
            var queryMass = 0.0;
            foreach (var word in words)
            {
                if (!termNumbers.TryGetValue(word, out var term))
                {
                    queryMass += Weight(0, scratch.Total); // a term no entry holds still counts in the query's mass
                    continue;
                }
                if (scratch.QueryCounts[term] == 0) queryTerms.Add(term);
                scratch.QueryCounts[term]++;
                queryMass += WeightOf(term, scratch);
            }
            if (everyEntry)
            {
                for (var slot = 0; slot < usedSlots; slot++)
                    if (candidates[slot] is not null) Consider(slot, queryMass, include, best, scratch);
            }
            else WalkRarestFirst(queryTerms, queryMass, include, best, scratch);
        }
        finally
        {
            scratch.End(queryTerms);
            gate.ExitReadLock();
            scratches.Add(scratch);
        }
        var canConfirm = ClaimText.WordCount(text) >= settings.MinimumWordsToConfirm;
        return best.Ranked.Select(b => (b.Candidate, new Match(b.Candidate.Number, b.Candidate.Title, b.Candidate.Label, b.Score,
            canConfirm && b.Score >= settings.ConfirmThreshold ? MatchTier.Confirmed : MatchTier.Suggested))).ToList();
    }

    /// <summary>
    /// Walks the posting lists of the query's terms from the rarest (highest weight) to the most common,
    /// adding up for each entry met the weight it shares with the query. An entry holding none of the
    /// terms walked shares at most the mass R of the terms left, and its score is at most
    /// 2R / (query mass + R) (its own mass is at least what it shares): once that is below the suggested
    /// threshold the walk stops, and the long lists of common terms are mostly never walked. A term held
    /// by more than half of the entries (a stop word of this collection) never brings candidates; it
    /// still counts in the scores of the entries met through other terms.
    /// Then the entries met are scored fully: first the few sharing most, which puts the bar (the last of
    /// the best kept) up, then only those whose bound (what they share, plus R) can still reach it.
    /// </summary>
    private void WalkRarestFirst(List<int> queryTerms, double queryMass, Func<MatchCandidate, bool> include, BestCandidates best, SearchScratch scratch)
    {
        queryTerms.Sort((a, b) => WeightOf(b, scratch).CompareTo(WeightOf(a, scratch)) is var order && order != 0 ? order : a.CompareTo(b));
        var left = 0.0;
        foreach (var term in queryTerms) left += WeightOf(term, scratch) * scratch.QueryCounts[term];
        var met = 0;
        foreach (var term in queryTerms)
        {
            var list = postings[term];
            if (scratch.Total > 1000 && list.Length > scratch.Total / 2) break;
            if (Bound(left, 0, queryMass) < best.Bar) break;
            var weight = WeightOf(term, scratch);
            var asked = scratch.QueryCounts[term];
            for (var i = 0; i < list.Length; i++)
            {
                var slot = list.Slots[i];
                if (scratch.Seen[slot] != scratch.Stamp)
                {
                    scratch.Seen[slot] = scratch.Stamp;
                    scratch.Shared[slot] = 0;
                    scratch.Met[met++] = slot;
                }
                scratch.Shared[slot] += weight * Math.Min(asked, list.Counts[i]);
            }
            left -= weight * asked;
        }
        if (met == 0) return;
        // The few entries sharing most are scored first, so that the bar is up before the others are looked at.
        var first = new int[Math.Min(4 * best.Size, met)];
        var firstCount = 0;
        for (var i = 0; i < met; i++)
        {
            var slot = scratch.Met[i];
            if (firstCount == first.Length && scratch.Shared[slot] <= scratch.Shared[first[^1]]) continue;
            var at = Math.Min(firstCount, first.Length - 1);
            for (; at > 0 && scratch.Shared[first[at - 1]] < scratch.Shared[slot]; at--) first[at] = first[at - 1];
            first[at] = slot;
            firstCount = Math.Min(firstCount + 1, first.Length);
        }
        foreach (var slot in first)
        {
            Consider(slot, queryMass, include, best, scratch);
            scratch.Seen[slot] = 0;
        }
        for (var i = 0; i < met; i++)
        {
            var slot = scratch.Met[i];
            if (scratch.Seen[slot] == scratch.Stamp && Bound(left, scratch.Shared[slot], queryMass) >= best.Bar) Consider(slot, queryMass, include, best, scratch);
        }
    }

    /// <summary>Scores an entry and offers it to the best kept; whether the search includes it (a case, a unit) is looked at only when its score would enter.</summary>
    private void Consider(int slot, double queryMass, Func<MatchCandidate, bool> include, BestCandidates best, SearchScratch scratch)
    {
        var score = Score(slot, queryMass, scratch);
        if (score >= best.Bar && candidates[slot] is { } candidate && include(candidate)) best.Offer(candidate, score);
    }

    /// <summary>The highest score an entry can have, to four decimals as scores are, when it shares <paramref name="shared"/> with the query in the terms walked and at most <paramref name="left"/> in the others.</summary>
    private static double Bound(double left, double shared, double queryMass) => Math.Round(2 * (shared + left) / (queryMass + shared + left), 4);

    /// <summary>IDF-weighted Dice: twice the weight of the terms shared (each as often as both hold it) over the weight of both texts, to four decimals.</summary>
    private double Score(int slot, double queryMass, SearchScratch scratch)
    {
        double shared = 0, mass = 0;
        for (int at = pairStarts[slot], end = at + 2 * pairCounts[slot]; at < end; at += 2)
        {
            var (term, count) = (pairs[at], pairs[at + 1]);
            var weight = WeightOf(term, scratch);
            mass += weight * count;
            if (scratch.QueryCounts[term] > 0) shared += weight * Math.Min(count, scratch.QueryCounts[term]);
        }
        return Math.Round(2 * shared / (queryMass + mass), 4);
    }

    /// <summary>A term's weight, worked out once per search: entries share most of their terms.</summary>
    private double WeightOf(int term, SearchScratch scratch)
    {
        if (scratch.WeightStamps[term] != scratch.Stamp)
        {
            scratch.Weights[term] = Weight(postings[term].Length, scratch.Total);
            scratch.WeightStamps[term] = scratch.Stamp;
        }
        return scratch.Weights[term];
    }

    private static double Weight(int entriesHolding, int total) => Math.Log(1 + (total + 1.0) / (entriesHolding + 1.0));

    /// <summary>
    /// The arrays one search works in, by slot (entries met, what each shares) and by term (weights, the
    /// query's counts), kept for the next search instead of allocated each time (at 100,000 entries they
    /// are a megabyte). A stamp per search tells this search's marks from older ones without clearing.
    /// </summary>
    private sealed class SearchScratch
    {
        public int Stamp;
        public int Total;
        public int[] Seen = [];
        public double[] Shared = [];
        public int[] Met = [];
        public int[] WeightStamps = [];
        public double[] Weights = [];
        public int[] QueryCounts = [];

        public void Begin(int slotCount, int termCount, int total)
        {
            if (Stamp == int.MaxValue)
            {
                Array.Clear(Seen);
                Array.Clear(WeightStamps);
                Stamp = 0;
            }
            Stamp++;
            Total = total;
            if (Seen.Length < slotCount)
            {
                var length = Math.Max(slotCount, Seen.Length * 2);
                Array.Resize(ref Seen, length);
                Shared = new double[length];
                Met = new int[length];
            }
            if (Weights.Length < termCount)
            {
                var length = Math.Max(termCount, Weights.Length * 2);
                Array.Resize(ref WeightStamps, length);
                Array.Resize(ref Weights, length);
                Array.Resize(ref QueryCounts, length);
            }
        }

        /// <summary>The query's counts are the one mark cleared after each search (a handful of terms).</summary>
        public void End(List<int> queryTerms)
        {
            foreach (var term in queryTerms) QueryCounts[term] = 0;
        }
    }

    /// <summary>The best candidates so far at or above the suggested threshold, best first (by score, then number), at most as many as answered.</summary>
    private sealed class BestCandidates(int size, double threshold)
    {
        public int Size => size;

        public List<(MatchCandidate Candidate, double Score)> Ranked { get; } = new(size + 1);

        /// <summary>The score a candidate not met yet must reach to enter.</summary>
        public double Bar => Ranked.Count < size ? threshold : Ranked[^1].Score;

        public void Offer(MatchCandidate candidate, double score)
        {
            if (score < threshold) return;
            var at = Ranked.Count;
            while (at > 0 && Before(score, candidate.Number, Ranked[at - 1])) at--;
            if (at == size) return;
            Ranked.Insert(at, (candidate, score));
            if (Ranked.Count > size) Ranked.RemoveAt(size);
        }

        private static bool Before(double score, string number, (MatchCandidate Candidate, double Score) other) =>
            score > other.Score || (score == other.Score && string.CompareOrdinal(number, other.Candidate.Number) < 0);
    }
}
