namespace Humas.Clarifications.Verdicts;

/// <summary>
/// A verdict a clarification carries in its title ("[HOAKS] ..."): its rating on the ClaimReview
/// scale (1 false to 5 true) and the First Draft category it usually goes with. Data, not code:
/// a new label is one more line in <see cref="VerdictLabels.All"/>.
/// </summary>
public sealed record VerdictLabel(string Code, string Title, int Rating, string Category);

public static class VerdictLabels
{
    public const int WorstRating = 1;
    public const int BestRating = 5;

    /// <summary>The First Draft categories of mis- and disinformation, as fact-checkers name them.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["fabricated-content", "manipulated-content", "misleading-content", "false-context", "imposter-content", "satire", "false-connection", "true"];

    public static readonly IReadOnlyList<VerdictLabel> All =
    [
        new("hoaks", "[HOAKS]", 1, "fabricated-content"),
        new("disinformasi", "[DISINFORMASI]", 1, "manipulated-content"),
        new("misinformasi", "[MISINFORMASI]", 2, "misleading-content"),
        new("belum-terbukti", "[BELUM TERBUKTI]", 3, "false-context"),
        new("benar", "[BENAR]", 5, "true"),
    ];

    /// <summary>A label by its code or its bracketed title ("hoaks", "HOAKS", "[HOAKS]").</summary>
    public static VerdictLabel? Find(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var key = value.Trim().Trim('[', ']').Trim().Replace(' ', '-').ToLowerInvariant();
        return All.FirstOrDefault(l => l.Code == key);
    }

    public static void MapVerdictLabels(this RouteGroupBuilder api) =>
        api.MapGet("/labels", () => TypedResults.Ok(new { labels = All, categories = Categories, worstRating = WorstRating, bestRating = BestRating }))
            .AllowAnonymous().WithTags("Labels").WithName("ListVerdictLabels")
            .WithSummary("The verdict labels a clarification can carry, with their rating and First Draft category");
}
