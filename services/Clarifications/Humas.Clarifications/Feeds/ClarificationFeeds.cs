using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Dapper;
using Humas.Clarifications.Cases;
using Humas.Clarifications.Rendering;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Npgsql;

namespace Humas.Clarifications.Feeds;

/// <summary>
/// The public feeds of published clarifications: RSS 2.0, Atom 1.0 and JSON Feed 1.1, per unit
/// (a province or national body rolls up its units) or national. A retracted clarification stays
/// in the feed, marked, with its reason. The ETag comes from the feed table (how many and when
/// the latest changed), so publishing, correcting and retracting change it; a matching
/// If-None-Match is answered 304. The rendered bytes are kept per query while the tag holds.
/// </summary>
public sealed class ClarificationFeeds(NpgsqlDataSource db, UnitDirectory units, MarkdownRenderer markdown)
{
    public const int Size = 50;

    public UnitDirectory Units => units;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["rss"] = "application/rss+xml; charset=utf-8",
        ["atom"] = "application/atom+xml; charset=utf-8",
        ["json"] = "application/feed+json; charset=utf-8",
    };

    private readonly ConcurrentDictionary<(string, string?), Rendered> cache = new();

    public sealed record Rendered(string ETag, byte[] Bytes);

    private sealed record Item(string Number, string UnitId, string Label, string Title, string Claim, string Explanation, DateTimeOffset PublishedAt,
        DateTimeOffset UpdatedAt, bool Retracted, string? RetractionReason);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/feeds/{format}", HandleAsync).AllowAnonymous().WithTags("Feeds").WithName("GetClarificationFeed")
            .WithSummary("Published clarifications as RSS 2.0, Atom 1.0 or JSON Feed 1.1, per unit (with its units) or national; ETag and 304")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string format, string? unitId, HttpContext http, ClarificationFeeds feeds, CancellationToken ct)
    {
        var errors = new Validation();
        errors.FailWhen(!ContentTypes.ContainsKey(format), "format", "field.unknown-value", "format", format, string.Join(", ", ContentTypes.Keys));
        errors.FailWhen(unitId is not null && feeds.Units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        errors.ThrowIfInvalid();
        var rendered = await feeds.GetAsync(format, unitId, $"{http.Request.Scheme}://{http.Request.Host}", ct);
        http.Response.Headers.ETag = rendered.ETag;
        http.Response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == rendered.ETag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(rendered.Bytes, ContentTypes[format]);
    }

    private string Filter(string? unitId) => unitId is null ? "true" : $"({Sql.UnitFilter})";

    public async Task<Rendered> GetAsync(string format, string? unitId, string baseUri, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var stamp = await connection.QuerySingleAsync<(long Count, long Latest, long Change)>(new CommandDefinition(
            $"SELECT count(*), coalesce(floor(extract(epoch FROM max(updated_at)) * 1000000), 0)::bigint, coalesce(max(change), 0) FROM clarifications_published WHERE {Filter(unitId)}", new { unit = unitId }, cancellationToken: ct));
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{format}|{unitId}|{stamp.Count}|{stamp.Latest}|{stamp.Change}|{baseUri}")))[..32]}\"";
        if (cache.TryGetValue((format, unitId), out var cached) && cached.ETag == etag) return cached;
        var items = (await connection.QueryAsync<Item>(new CommandDefinition($"""
            SELECT number, unit_id, label, title, claim, explanation, published_at, updated_at, retracted, retraction_reason
            FROM clarifications_published WHERE {Filter(unitId)} ORDER BY published_at DESC, number DESC LIMIT {Size}
            """, new { unit = unitId }, cancellationToken: ct))).ToList();
        var bytes = format switch
        {
            "rss" => Syndication(items, unitId, baseUri, rss: true),
            "atom" => Syndication(items, unitId, baseUri, rss: false),
            _ => JsonFeed(items, unitId, baseUri),
        };
        var rendered = new Rendered(etag, bytes);
        cache[(format, unitId)] = rendered;
        return rendered;
    }

    private string Title(string? unitId) => $"Klarifikasi hoaks: {(unitId is null ? "Nasional" : units.Find(unitId)?.Name ?? unitId)}";

    private static string Url(Item item, string baseUri) => $"{baseUri}/api/clarifications/{item.Number}";

    private static string ItemTitle(Item item) => item.Retracted ? $"[DICABUT] {item.Title}" : item.Title;

    private string Content(Item item) => item.Retracted
        ? System.Net.WebUtility.HtmlEncode(item.RetractionReason ?? "")
        : markdown.ToSafeHtml($"**Klaim:** {item.Claim}\n\n{item.Explanation}");

    private string IssuedBy(Item item) => units.Find(item.UnitId)?.Name ?? item.UnitId;

    private byte[] Syndication(IReadOnlyList<Item> items, string? unitId, string baseUri, bool rss)
    {
        var self = $"{baseUri}/api/clarifications/feeds/{(rss ? "rss" : "atom")}{(unitId is null ? "" : $"?unitId={unitId}")}";
        var feed = new SyndicationFeed(Title(unitId), "Klarifikasi hoaks yang diterbitkan", new Uri(self))
        {
            Id = self,
            LastUpdatedTime = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.UpdatedAt),
            Language = "id",
        };
        feed.Items = items.Select(i =>
        {
            var item = new SyndicationItem(ItemTitle(i), SyndicationContent.CreateHtmlContent(Content(i)), new Uri(Url(i, baseUri)), Url(i, baseUri), i.UpdatedAt)
            {
                PublishDate = i.PublishedAt,
                Summary = new TextSyndicationContent(i.Retracted ? i.RetractionReason ?? "" : i.Claim),
            };
            item.Authors.Add(new SyndicationPerson { Name = IssuedBy(i) });
            item.Categories.Add(new SyndicationCategory(i.Label));
            return item;
        }).ToList();
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            if (rss) new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            else new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private byte[] JsonFeed(IReadOnlyList<Item> items, string? unitId, string baseUri)
    {
        var feed = new JsonObject
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = Title(unitId),
            ["home_page_url"] = baseUri,
            ["feed_url"] = $"{baseUri}/api/clarifications/feeds/json{(unitId is null ? "" : $"?unitId={unitId}")}",
            ["language"] = "id",
            ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = Url(i, baseUri),
                ["url"] = Url(i, baseUri),
                ["title"] = ItemTitle(i),
                ["summary"] = i.Retracted ? i.RetractionReason : i.Claim,
                ["content_html"] = Content(i),
                ["date_published"] = i.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
                ["date_modified"] = i.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
                ["authors"] = new JsonArray(new JsonObject { ["name"] = IssuedBy(i) }),
                ["tags"] = new JsonArray(JsonValue.Create(i.Label)),
            }).ToArray()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(feed);
    }
}
