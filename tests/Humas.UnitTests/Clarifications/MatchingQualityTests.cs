using Humas.Clarifications.Matching;

namespace Humas.UnitTests.Clarifications;

/// <summary>Matching at intake on the labelled set: the targets of the issue, with the configured thresholds.</summary>
public class MatchingQualityTests
{
    private static readonly MatchingSettings Settings = new();

    [Fact]
    public void The_set_has_at_least_30_clarified_claims_each_with_two_paraphrases_and_a_hard_negative()
    {
        var set = MatchingSet.Load();
        Assert.True(set.Items.Count >= 30);
        Assert.All(set.Items, i => Assert.Equal(4, new HashSet<string> { i.Claim, i.Close, i.Reworded, i.Negative }.Count));
    }

    [Fact]
    public void Paraphrases_find_their_clarification_first_and_confirmed_links_are_right()
    {
        var set = MatchingSet.Load();
        var quality = set.Evaluate(set.Index(), Settings);
        var report = quality + Environment.NewLine + string.Join(Environment.NewLine, quality.Misses);
        Assert.True(quality.RecallAt1 >= 0.9, report);
        Assert.True(quality.ConfirmedPrecision >= 0.98, report);
        Assert.True(quality.NegativesWronglyConfirmed == 0, report);
    }

    [Fact]
    public void A_text_under_eight_words_is_only_ever_suggested()
    {
        var index = new MatchIndex();
        index.Upsert(new MatchCandidate("KPU-33.21-KLR-2026-00001", "[HOAKS] Pemilu ditunda", "hoaks", "Pemilu 2029 ditunda sampai 2031"));
        var match = Assert.Single(index.Search("pemilu 2029 ditunda smp 2031", Settings));
        Assert.Equal(1.0, match.Score);
        Assert.Equal(MatchTier.Suggested, match.Tier);
    }

    [Fact]
    public void Candidates_below_the_suggested_threshold_are_not_answered()
    {
        var index = new MatchIndex();
        index.Upsert(new MatchCandidate("A", "[HOAKS] a", "hoaks", "Tinta pemilu mengandung babi sehingga haram dipakai oleh pemilih muslim."));
        Assert.Empty(index.Search("Jadwal kampanye dimulai bulan depan di seluruh kabupaten.", Settings));
    }
}
