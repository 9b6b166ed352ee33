using System.Collections.Concurrent;

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
/// Entries live in numbered slots, terms have numbers, and each entry's terms with their counts lie
/// side by side in one shared array, so that a search walks arrays rather than objects (docs/adr/0006).
/// Thread-safe: searches share a read lock; adding or removing an entry takes the write lock
/// for the few microseconds of changing the posting lists of its terms.
/// </summary>
public sealed partial class MatchIndex
{
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> slotsByNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> termNumbers = new(StringComparer.Ordinal);
    private readonly List<TermPostings> postings = [];
    private readonly Stack<int> freeSlots = new();
    private int usedSlots;
    private MatchCandidate?[] candidates = new MatchCandidate?[1024];
    /// <summary>Where each slot's (term, count) pairs start in <see cref="pairs"/>, and how many there are.</summary>
    private int[] pairStarts = new int[1024], pairCounts = new int[1024];
    private int[] pairs = new int[16 * 1024];
    private int pairsUsed, pairsFreed;
    private readonly ConcurrentBag<SearchScratch> scratches = [];

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try { return slotsByNumber.Count; }
            finally { gate.ExitReadLock(); }
        }
    }

    public void Upsert(MatchCandidate candidate)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in ClaimText.Terms(candidate.Claim)) bag[term] = bag.GetValueOrDefault(term) + 1;
        gate.EnterWriteLock();
        try
        {
            RemoveHeld(candidate.Number);
            var slot = freeSlots.Count > 0 ? freeSlots.Pop() : usedSlots++;
            if (slot == candidates.Length)
            {
                Array.Resize(ref candidates, slot * 2);
                Array.Resize(ref pairStarts, slot * 2);
                Array.Resize(ref pairCounts, slot * 2);
            }
            MakeRoomForPairs(2 * bag.Count);
            (pairStarts[slot], pairCounts[slot]) = (pairsUsed, bag.Count);
            foreach (var (term, count) in bag)
            {
                if (!termNumbers.TryGetValue(term, out var number))
                {
                    termNumbers[term] = number = postings.Count;
                    postings.Add(new TermPostings());
                }
                postings[number].Add(slot, count);
                pairs[pairsUsed++] = number;
                pairs[pairsUsed++] = count;
            }
            candidates[slot] = candidate;
            slotsByNumber[candidate.Number] = slot;
        }
        finally { gate.ExitWriteLock(); }
    }

    public void Remove(string number)
    {
        gate.EnterWriteLock();
        try { RemoveHeld(number); }
        finally { gate.ExitWriteLock(); }
    }

    private void RemoveHeld(string number)
    {
        if (!slotsByNumber.Remove(number, out var slot)) return;
        for (var at = pairStarts[slot]; at < pairStarts[slot] + 2 * pairCounts[slot]; at += 2) postings[pairs[at]].Remove(slot);
        pairsFreed += 2 * pairCounts[slot];
        candidates[slot] = null;
        freeSlots.Push(slot);
    }

    /// <summary>Grows the pairs array, first moving the live entries' pairs together when removed ones take half of it.</summary>
    private void MakeRoomForPairs(int needed)
    {
        if (pairsUsed + needed <= pairs.Length) return;
        var live = pairsUsed - pairsFreed;
        var moved = new int[Math.Max(pairs.Length, 2 * (live + needed))];
        var used = 0;
        for (var slot = 0; slot < usedSlots; slot++)
        {
            if (candidates[slot] is null) continue;
            Array.Copy(pairs, pairStarts[slot], moved, used, 2 * pairCounts[slot]);
            pairStarts[slot] = used;
            used += 2 * pairCounts[slot];
        }
        (pairs, pairsUsed, pairsFreed) = (moved, used, 0);
    }

    /// <summary>The key an open case is indexed under, apart from the numbers of published clarifications.</summary>
    public static string CaseKey(Guid caseId) => $"case:{caseId}";

    /// <summary>The published clarifications at or above the suggested threshold, best first. Open cases are never among them: they are not public.</summary>
    public IReadOnlyList<Match> Search(string text, MatchingSettings settings) =>
        Ranked(text, settings, c => c.CaseId is null, everyEntry: false).Select(r => r.Match).ToList();

    /// <summary>
    /// What <see cref="Search"/> answers, found by scoring every entry instead of walking the posting lists:
    /// the reference the tests and <c>./humas bench clarifications</c> hold the search to. Slow; not for requests.
    /// </summary>
    public IReadOnlyList<Match> SearchEveryEntry(string text, MatchingSettings settings) =>
        Ranked(text, settings, c => c.CaseId is null, everyEntry: true).Select(r => r.Match).ToList();

    /// <summary>The open cases of the unit at or above the suggested threshold, best first (scored like published clarifications, over the same index).</summary>
    public IReadOnlyList<(Guid CaseId, Match Match)> SearchOpenCases(string text, MatchingSettings settings, string unitId) =>
        Ranked(text, settings, c => c.CaseId is not null && c.UnitId == unitId, everyEntry: false).Select(r => (r.Candidate.CaseId!.Value, r.Match)).ToList();

    /// <summary>The entries holding one term: slots and counts side by side, in no order (a removal moves the last into the gap).</summary>
    private sealed class TermPostings
    {
        public int[] Slots = new int[4];
        public int[] Counts = new int[4];
        public int Length;

        public void Add(int slot, int count)
        {
            if (Length == Slots.Length)
            {
                Array.Resize(ref Slots, Length * 2);
                Array.Resize(ref Counts, Length * 2);
            }
            (Slots[Length], Counts[Length]) = (slot, count);
            Length++;
        }

        public void Remove(int slot)
        {
            var at = Array.IndexOf(Slots, slot, 0, Length);
            if (at < 0) return;
            Length--;
            (Slots[at], Counts[at]) = (Slots[Length], Counts[Length]);
        }
    }
}
