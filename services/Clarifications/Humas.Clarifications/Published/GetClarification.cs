using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Humas.Clarifications.Rendering;
using Humas.Clarifications.Verdicts;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Npgsql;

namespace Humas.Clarifications.Published;

/// <summary>
/// A published clarification, public: as JSON, and as schema.org ClaimReview JSON-LD for
/// fact-checking exchanges and search engines. No reporter appears in either: the author is the unit.
/// </summary>
public static class GetClarification
{
    public sealed record Row(
        Guid ClarificationId, string Number, string UnitId, string Label, string Title, string Claim, string Explanation, string? SourceUrl,
        DateTimeOffset PublishedAt, bool Imported, bool Retracted, int CurrentVersion, DateTimeOffset UpdatedAt, string? Track, string? AppearanceUrl,
        DateTimeOffset? FirstSeenAt, DateTimeOffset? RetractedAt, string? RetractionReason, Guid? StatementReleaseId, string? StatementHeadline);

    public sealed record Correction(int Version, string Note, DateTimeOffset CorrectedAt);

    public sealed record Statement(Guid ReleaseId, string? Headline, string Url);

    public sealed record ClarificationView(
        string Number, string UnitId, string UnitName, string Label, string LabelTitle, int Rating, string Category, string Title, string Claim,
        string BodyMarkdown, string BodyHtml, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<Correction> Corrections,
        bool Retracted, DateTimeOffset? RetractedAt, string? RetractionReason, bool Imported, string? SourceUrl, string? Track, Statement? Statement,
        string ClaimReviewUrl);

    private const string Columns = """
        clarification_id, number, unit_id, label, title, claim, explanation, source_url, published_at, imported, retracted, current_version, updated_at, track,
        appearance_url, first_seen_at, retracted_at, retraction_reason, statement_release_id, statement_headline
        """;

    public static async Task<Row?> FindAsync(NpgsqlDataSource db, string number, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM clarifications_published WHERE number = @number", new { number = number.Trim().ToUpperInvariant() }, cancellationToken: ct));
    }

    public static void MapGetClarification(this RouteGroupBuilder api)
    {
        api.MapGet("/{number}", async (string number, NpgsqlDataSource db, UnitDirectory units, MarkdownRenderer markdown, CancellationToken ct) =>
            {
                var row = await FindAsync(db, number, ct) ?? throw Refusal.NotFound("clarification.not-found", number);
                await using var connection = await db.OpenConnectionAsync(ct);
                var corrections = (await connection.QueryAsync<Correction>(new CommandDefinition(
                    "SELECT version, note, corrected_at FROM clarification_corrections WHERE clarification_id = @id ORDER BY version",
                    new { id = row.ClarificationId }, cancellationToken: ct))).ToList();
                var label = VerdictLabels.Find(row.Label)!;
                return TypedResults.Ok(new ClarificationView(row.Number, row.UnitId, units.Find(row.UnitId)?.Name ?? row.UnitId, label.Code, label.Title, label.Rating,
                    label.Category, row.Title, row.Claim, row.Explanation, markdown.ToSafeHtml(row.Explanation), row.PublishedAt, row.UpdatedAt, row.CurrentVersion,
                    corrections, row.Retracted, row.RetractedAt, row.RetractionReason, row.Imported, row.SourceUrl, row.Track,
                    row.StatementReleaseId is { } release ? new Statement(release, row.StatementHeadline, $"/api/media/releases/{release}") : null,
                    $"/api/clarifications/{row.Number}/claimreview"));
            })
            .AllowAnonymous().WithTags("Published").WithName("GetClarification")
            .WithSummary("A published clarification (public): the labelled title, the claim, the body as Markdown and safe HTML, versions and corrections")
            .Produces<ClarificationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{number}/claimreview", async (string number, HttpContext http, NpgsqlDataSource db, UnitDirectory units, CancellationToken ct) =>
            {
                var row = await FindAsync(db, number, ct);
                if (row is null || row.Retracted) throw Refusal.NotFound("clarification.not-found", number);
                var baseUri = $"{http.Request.Scheme}://{http.Request.Host}";
                return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(ClaimReview(row, units, baseUri)), "application/ld+json; charset=utf-8");
            })
            .AllowAnonymous().WithTags("Published").WithName("GetClaimReview")
            .WithSummary("A published clarification as schema.org ClaimReview (JSON-LD)")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// ClaimReview as Google's fact-check markup and the ClaimReview project read it: claimReviewed,
    /// reviewRating (ratingValue on the 1–5 scale with alternateName, the label), url, author,
    /// datePublished, and itemReviewed as a Claim with where and when it first appeared.
    /// </summary>
    public static JsonObject ClaimReview(Row row, UnitDirectory units, string baseUri)
    {
        var label = VerdictLabels.Find(row.Label)!;
        var unitName = units.Find(row.UnitId)?.Name ?? row.UnitId;
        var claim = new JsonObject
        {
            ["@type"] = "Claim",
            ["datePublished"] = Iso(row.FirstSeenAt ?? row.PublishedAt),
        };
        var appearance = row.AppearanceUrl ?? row.SourceUrl;
        if (appearance is not null)
        {
            claim["appearance"] = new JsonArray(new JsonObject { ["@type"] = "CreativeWork", ["url"] = appearance });
            claim["firstAppearance"] = new JsonObject { ["@type"] = "CreativeWork", ["url"] = appearance };
        }
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = $"{baseUri}/api/clarifications/{row.Number}",
            ["headline"] = row.Title,
            ["inLanguage"] = "id",
            ["claimReviewed"] = row.Claim,
            ["datePublished"] = Iso(row.PublishedAt),
            ["dateModified"] = Iso(row.UpdatedAt),
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = unitName, ["url"] = baseUri },
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = label.Rating,
                ["bestRating"] = VerdictLabels.BestRating,
                ["worstRating"] = VerdictLabels.WorstRating,
                ["alternateName"] = label.Title,
            },
            ["itemReviewed"] = claim,
        };
    }
}
