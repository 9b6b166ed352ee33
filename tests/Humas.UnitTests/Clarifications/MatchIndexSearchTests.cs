using Humas.Clarifications.Matching;

namespace Humas.UnitTests.Clarifications;

/// <summary>
/// The search walks only part of the posting lists (docs/adr/0006): it must answer what scoring every
/// entry answers (the same matches, scores and order), also after entries are replaced and removed.
/// </summary>
public class MatchIndexSearchTests
{
    private static readonly MatchingSettings Settings = new();

    private static IEnumerable<string> Queries(MatchingSet set) => set.Items.SelectMany(i => new[] { i.Claim, i.Close, i.Reworded, i.Negative });

    [Fact]
    public void Among_thousands_on_the_same_topics_the_search_answers_what_scoring_every_entry_answers()
    {
        var set = MatchingSet.Load();
        var index = set.Index(MatchingSet.Seeded(5000));

        Assert.All(Queries(set), q => Assert.Equal(index.SearchEveryEntry(q, Settings), index.Search(q, Settings)));
        Assert.Contains(Queries(set), q => index.Search(q, Settings).Count == Settings.MaxResults);
    }

    [Fact]
    public void Replaced_and_removed_entries_are_searched_as_they_are_now()
    {
        var set = MatchingSet.Load();
        var index = set.Index(MatchingSet.Seeded(3000));
        for (var i = 0; i < 3000; i += 2) index.Remove($"SEED-{i:D6}");
        var retold = set.Items[0].Close;
        // The first clarification's claim now under another number, and the set's second one replaced by the first's claim.
        index.Remove(MatchingSet.NumberOf(0));
        index.Upsert(new MatchCandidate("MOVED-1", "[HOAKS] moved", "hoaks", set.Items[0].Claim));
        index.Upsert(new MatchCandidate(MatchingSet.NumberOf(1), "[HOAKS] replaced", "hoaks", set.Items[0].Claim));
        foreach (var extra in Enumerable.Range(0, 4000)) index.Upsert(new MatchCandidate($"EXTRA-{extra}", "[HOAKS] extra", "hoaks", $"{set.Items[extra % 30].Negative} nomor {extra}"));

        Assert.Equal(1500 + 30 + 4000, index.Count);
        var found = index.Search(retold, Settings);
        Assert.DoesNotContain(found, m => m.Number == MatchingSet.NumberOf(0) || m.Number == "SEED-000000");
        Assert.Equal(["MOVED-1", MatchingSet.NumberOf(1)], found.Take(2).Select(m => m.Number).Order());
        Assert.All(Queries(set), q => Assert.Equal(index.SearchEveryEntry(q, Settings), index.Search(q, Settings)));
    }

    [Fact]
    public async Task Searches_running_while_entries_come_and_go_answer_from_a_consistent_index()
    {
        var set = MatchingSet.Load();
        var index = set.Index(MatchingSet.Seeded(2000));
        var writer = Task.Run(() =>
        {
            for (var round = 0; round < 20; round++)
                for (var i = 0; i < 200; i++)
                {
                    if (round % 2 == 0) index.Upsert(new MatchCandidate($"CHURN-{i}", "[HOAKS] churn", "hoaks", set.Items[i % 30].Reworded));
                    else index.Remove($"CHURN-{i}");
                }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
                foreach (var q in Queries(set).Take(20))
                    Assert.All(index.Search(q, Settings), m => Assert.InRange(m.Score, Settings.SuggestThreshold, 1.0));
        })).ToArray();
        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(30 + 2000, index.Count);
        Assert.All(Queries(set), q => Assert.Equal(index.SearchEveryEntry(q, Settings), index.Search(q, Settings)));
    }
}
