using Humas.Clarifications.Matching;

namespace Humas.UnitTests.Clarifications;

public class ClaimTextTests
{
    [Theory]
    [InlineData("Pemilih yg GAK bawa KTP!!! 😡😡", "Pemilih yang tidak membawa KTP.")]
    [InlineData("udah dicoblos dgn paku", "sudah dicoblos dengan paku")]
    [InlineData("TPS di Jogja tdk buka", "TPS di Yogyakarta tidak dibuka")]
    [InlineData("kpu jateng", "KPU Jawa Tengah")]
    [InlineData("kertas suara", "surat suara")]
    [InlineData("anak2 sekolah", "anak-anak sekolah")]
    [InlineData("bangettt parahhh 500rb", "500 ribu")]
    public void Informal_and_formal_spellings_reduce_to_the_same_terms(string informal, string formal) =>
        Assert.Equal(ClaimText.Terms(formal), ClaimText.Terms(informal));

    [Fact]
    public void Negation_is_kept_because_it_changes_the_claim() =>
        Assert.NotEqual(ClaimText.Terms("TPS dibuka"), ClaimText.Terms("TPS tidak dibuka"));

    [Theory]
    [InlineData("ditunda", "tunda")]
    [InlineData("menunda", "tunda")]
    [InlineData("diundur", "tunda")]
    [InlineData("memilih", "pilih")]
    [InlineData("dicoblos", "coblos")]
    [InlineData("kecurangan", "curang")]
    public void Affixes_and_synonyms_give_one_term(string word, string term) =>
        Assert.Equal([term], ClaimText.Terms(word));

    [Fact]
    public void Words_are_counted_without_punctuation_or_emoji() =>
        Assert.Equal(4, ClaimText.WordCount("Pemilu 😱 ditunda!!! sampai 2031..."));
}
