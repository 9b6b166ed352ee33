using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults.Problems;

namespace Humas.Clarifications.Matching;

/// <summary>Public: which published clarifications a text repeats, best first, with the tier each would get at intake.</summary>
public static class GetMatches
{
    public const int MaxTextLength = 4000;

    public sealed record Answer(IReadOnlyList<MatchView> Matches);

    public sealed record MatchView(string Number, string Title, string Label, double Score, string Tier);

    public static void MapGetMatches(this RouteGroupBuilder api) =>
        api.MapGet("/matches", async ([MaxLength(MaxTextLength)] string? text, MatchIndex index, MatchIndexSync sync, MatchingSettings settings, CancellationToken ct) =>
            {
                var errors = new Validation();
                errors.Text(text, "text", MaxTextLength).ThrowIfInvalid();
                await sync.Loaded.WaitAsync(TimeSpan.FromSeconds(10), ct);
                var matches = index.Search(text!, settings);
                return TypedResults.Ok(new Answer(matches.Select(m => new MatchView(m.Number, m.Title, m.Label, m.Score, m.Tier == MatchTier.Confirmed ? "confirmed" : "suggested")).ToList()));
            })
            .AllowAnonymous().WithTags("Matching").WithName("GetMatches")
            .WithSummary("Published clarifications a claim's text repeats, best first (at or above the suggested threshold)")
            .ProducesValidationProblem();
}
