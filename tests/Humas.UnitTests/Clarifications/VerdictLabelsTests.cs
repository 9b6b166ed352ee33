using Humas.Clarifications.Verdicts;

namespace Humas.UnitTests.Clarifications;

public class VerdictLabelsTests
{
    [Theory]
    [InlineData("[HOAKS]", "hoaks")]
    [InlineData("hoaks", "hoaks")]
    [InlineData("[BELUM TERBUKTI]", "belum-terbukti")]
    [InlineData(" Disinformasi ", "disinformasi")]
    public void A_label_is_found_by_its_code_or_its_bracketed_title(string value, string code) =>
        Assert.Equal(code, VerdictLabels.Find(value)!.Code);

    [Theory]
    [InlineData("SALAH-BESAR")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_label_is_not_found(string? value) => Assert.Null(VerdictLabels.Find(value));

    [Fact]
    public void Every_label_rates_within_the_ClaimReview_scale_and_names_a_First_Draft_category()
    {
        Assert.All(VerdictLabels.All, l =>
        {
            Assert.InRange(l.Rating, VerdictLabels.WorstRating, VerdictLabels.BestRating);
            Assert.Contains(l.Category, VerdictLabels.Categories);
            Assert.Matches(@"^\[[A-Z ]+\]$", l.Title);
        });
        Assert.Equal(VerdictLabels.All.Count, VerdictLabels.All.Select(l => l.Code).Distinct().Count());
    }
}
