using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Humas.Eventing.Store;
using Humas.MediaRelations.PressReleases;
using Humas.MediaRelations.Subjects;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Npgsql;

namespace Humas.MediaRelations.Feeds;

/// <summary>
/// The public feeds: RSS 2.0, Atom 1.0, JSON Feed 1.1 and ninjs 2.2, per unit (a province or the
/// national body rolls up its units), per subject, or national. Only public releases appear, and
/// withdrawn ones as withdrawn; no personal data: the author is the issuing unit, the contact
/// person is left out. Each answer carries an ETag and Last-Modified computed from the feed table
/// (how many releases and when the latest changed), so publishing, correcting and withdrawing
/// change them; the rendered bytes are kept per query and reused while the tag is the same. Each
/// item's body is the safe HTML stored with the release (see <see cref="ReleaseFeedProjection"/>),
/// rendered from its Markdown only for a row written before the HTML was stored.
/// </summary>
public sealed class ReleaseFeeds(NpgsqlDataSource db, EventStore store, UnitDirectory units, SubjectList subjects, MarkdownRenderer markdown, IConfiguration configuration)
{
    /// <summary>Humas:Media:Feeds:Cache (true by default): false renders every answer afresh, as ./humas bench media measures.</summary>
    private readonly bool caching = configuration.GetValue("Humas:Media:Feeds:Cache", true);

    public const int Size = 50;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["rss"] = "application/rss+xml; charset=utf-8",
        ["atom"] = "application/atom+xml; charset=utf-8",
        ["json"] = "application/feed+json; charset=utf-8",
        ["ninjs"] = "application/json; charset=utf-8",
    };

    private readonly ConcurrentDictionary<(string, string?, string?), Rendered> cache = new();

    public sealed record Rendered(string ETag, DateTimeOffset LastModified, byte[] Bytes);

    /// <summary>A release of a feed and its body as HTML (the withdrawal notice for a withdrawn one).</summary>
    private sealed record Item(PressRelease Release, string Html);

    private sealed record Newest(Guid Id, DateTimeOffset UpdatedAt, string? BodyHtml);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/media/feeds/{format}", HandleAsync).AllowAnonymous()
            .WithTags("Feeds")
            .WithName("GetReleaseFeed")
            .WithSummary("Public press releases as RSS 2.0, Atom 1.0, JSON Feed 1.1 or ninjs 2.2, per unit (with its units), subject or national")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string format, string? unitId, string? subject, HttpContext http, ReleaseFeeds feeds, CancellationToken ct)
    {
        feeds.Validate(format, unitId, subject).ThrowIfInvalid();
        var baseUri = $"{http.Request.Scheme}://{http.Request.Host}";
        var rendered = await feeds.GetAsync(format, unitId, subject, baseUri, ct);
        http.Response.Headers.ETag = rendered.ETag;
        http.Response.Headers.LastModified = rendered.LastModified.ToString("R", CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        if (NotModified(http.Request, rendered)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(rendered.Bytes, ContentTypes[format]);
    }

    private static bool NotModified(HttpRequest request, Rendered rendered)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (!string.IsNullOrEmpty(ifNoneMatch))
            return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == rendered.ETag);
        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && rendered.LastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    public Validation Validate(string format, string? unitId, string? subject)
    {
        var errors = new Validation();
        errors.FailWhen(!ContentTypes.ContainsKey(format), "format", "field.unknown-value", "format", format, string.Join(", ", ContentTypes.Keys));
        errors.FailWhen(unitId is not null && units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        errors.FailWhen(subject is not null && subjects.Find(subject) is null, "subject", "field.unknown-value", "subject", subject, "/api/media/subjects");
        return errors;
    }

    /// <summary>
    /// Bumped by <see cref="ReleaseFeedProjection"/> whenever this instance writes a change a feed
    /// shows: a rendered feed checked against the database less than
    /// Humas:Media:Feeds:RecheckAfter ago (1 s) is served without asking it again, unless this
    /// instance changed something meanwhile. Another replica's change shows within that second.
    /// </summary>
    private static long generation;

    public static void Changed() => Interlocked.Increment(ref generation);

    private readonly TimeSpan recheckAfter = configuration.GetValue("Humas:Media:Feeds:RecheckAfter", TimeSpan.FromSeconds(1));
    private readonly ConcurrentDictionary<(string, string?, string?, string), (Rendered Rendered, long Generation, long CheckedAt)> checkedFeeds = new();

    public async Task<Rendered> GetAsync(string format, string? unitId, string? subject, string baseUri, CancellationToken ct)
    {
        var current = Interlocked.Read(ref generation);
        var checkedKey = (format, unitId, subject, baseUri);
        if (caching && checkedFeeds.TryGetValue(checkedKey, out var recent) && recent.Generation == current
            && System.Diagnostics.Stopwatch.GetElapsedTime(recent.CheckedAt) < recheckAfter)
            return recent.Rendered;
        var rendered = await RenderAsync(format, unitId, subject, baseUri, ct);
        if (caching) checkedFeeds[checkedKey] = (rendered, current, System.Diagnostics.Stopwatch.GetTimestamp());
        return rendered;
    }

    private async Task<Rendered> RenderAsync(string format, string? unitId, string? subject, string baseUri, CancellationToken ct)
    {
        var newest = await NewestAsync(unitId, subject, ct);
        var latest = newest.Count == 0 ? DateTimeOffset.UnixEpoch : newest.Max(n => n.UpdatedAt);
        var stamp = new StringBuilder($"{format}|{unitId}|{subject}|{baseUri}");
        foreach (var (id, updatedAt, _) in newest) stamp.Append(CultureInfo.InvariantCulture, $"|{id:N}:{updatedAt.UtcTicks}");
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp.ToString())))[..32]}\"";
        var key = (format, unitId, subject);
        if (cache.TryGetValue(key, out var cached) && cached.ETag == etag) return cached;
        var releases = await ReleasesAsync(newest, ct);
        var bytes = format switch
        {
            "rss" => Syndication(releases, unitId, subject, baseUri, rss: true),
            "atom" => Syndication(releases, unitId, subject, baseUri, rss: false),
            "json" => JsonFeed(releases, unitId, subject, baseUri),
            _ => Ninjs(releases, baseUri),
        };
        var rendered = new Rendered(etag, latest, bytes);
        if (caching) cache[key] = rendered;
        return rendered;
    }

    private const string Filter = """
        public_since IS NOT NULL
        AND (@unit::text IS NULL OR unit_id = @unit OR unit_id LIKE @unit || '.%' OR (position('-' in @unit) = 0 AND unit_id LIKE @unit || '-%'))
        AND (@subject::text IS NULL OR @subject = ANY (subjects))
        """;

    /// <summary>
    /// The newest releases of the feed, each with when it last changed in public. Every change a
    /// feed shows (publication, embargo lifted, correction, withdrawal) moves updated_at, so these
    /// rows alone decide the feed's bytes: its ETag is their hash, its Last-Modified their newest
    /// time. One index scan in updated_at order, stopping after Size rows; counting every release of
    /// the scope instead (as an earlier stamp did) read all of a province's rows on every request.
    /// </summary>
    private async Task<IReadOnlyList<Newest>> NewestAsync(string? unitId, string? subject, CancellationToken ct)
    {
        var newest = new List<Newest>(Size);
        await using var command = db.CreateCommand($"SELECT release_id, updated_at, body_html FROM press_release_feed WHERE {Filter} ORDER BY updated_at DESC LIMIT {Size}");
        Parameters(command, unitId, subject);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            newest.Add(new Newest(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return newest;
    }

    private async Task<IReadOnlyList<Item>> ReleasesAsync(IReadOnlyList<Newest> newest, CancellationToken ct)
    {
        var streams = await store.ReadStreamsAsync(newest.Select(n => PressRelease.StreamId(n.Id)).ToArray(), ct);
        var items = new List<Item>(newest.Count);
        foreach (var n in newest)
        {
            if (!streams.TryGetValue(PressRelease.StreamId(n.Id), out var events)) continue;
            var r = events.Select(e => e.Data).Aggregate(PressRelease.Initial, PressRelease.Evolve);
            if (!(r.IsPublic || r.IsWithdrawnPublicly)) continue;
            // A correction written between the two reads: the stored HTML is of the version before; render this one.
            items.Add(new Item(r, Content(r, r.Versions[^1].CreatedAt <= n.UpdatedAt ? n.BodyHtml : null)));
        }
        return items;
    }

    private static void Parameters(NpgsqlCommand command, string? unitId, string? subject)
    {
        command.Parameters.Add(new NpgsqlParameter("unit", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)unitId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("subject", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)subject ?? DBNull.Value });
    }

    private string Title(string? unitId, string? subject)
    {
        var scope = unitId is null ? "Nasional" : units.Find(unitId)?.Name ?? unitId;
        return subject is null ? $"Siaran pers: {scope}" : $"Siaran pers: {scope} ({subjects.Find(subject)?.IndonesianLabel ?? subject})";
    }

    private string IssuedBy(PressRelease r) => units.Find(r.UnitId)?.Name ?? r.UnitId;

    private static string Uri(PressRelease r, string baseUri) => $"{baseUri}/api/media/releases/{r.Id}";

    private static DateTimeOffset FirstCreated(PressRelease r) => r.EmbargoUntil is { } until && until > r.PublishedAt!.Value ? until : r.PublishedAt!.Value;

    private static DateTimeOffset VersionCreated(PressRelease r)
    {
        if (r.WithdrawnAt is { } withdrawn) return withdrawn;
        var latest = r.Versions[^1].CreatedAt;
        var first = FirstCreated(r);
        return latest > first ? latest : first;
    }

    /// <summary>The item's body: the withdrawal notice, the stored HTML, or (for a row that has none) the Markdown rendered now.</summary>
    private string Content(PressRelease r, string? storedHtml = null) => r.Status == ReleaseStatus.Withdrawn
        ? System.Net.WebUtility.HtmlEncode(r.WithdrawalNotice ?? "")
        : storedHtml ?? markdown.ToSafeHtml(r.Content.BodyMarkdown);

    private byte[] Syndication(IReadOnlyList<Item> items, string? unitId, string? subject, string baseUri, bool rss)
    {
        var (releases, html) = Split(items);
        var feed = new SyndicationFeed(Title(unitId, subject), "Siaran pers Humas", new Uri($"{baseUri}/api/media/feeds/{(rss ? "rss" : "atom")}"))
        {
            Id = $"{baseUri}/api/media/feeds?unitId={unitId}&subject={subject}",
            LastUpdatedTime = releases.Count == 0 ? DateTimeOffset.UnixEpoch : releases.Max(VersionCreated),
            Language = "id",
        };
        feed.Items = releases.Select(r =>
        {
            var withdrawn = r.Status == ReleaseStatus.Withdrawn;
            var item = new SyndicationItem(withdrawn ? $"[Ditarik] {r.Content.Headline}" : r.Content.Headline, SyndicationContent.CreateHtmlContent(html[r.Id]), new Uri(Uri(r, baseUri)), Uri(r, baseUri), VersionCreated(r))
            {
                PublishDate = FirstCreated(r),
                Summary = new TextSyndicationContent(withdrawn ? r.WithdrawalNotice ?? "" : r.Content.Summary),
            };
            item.Authors.Add(new SyndicationPerson { Name = IssuedBy(r) });
            foreach (var s in r.Content.Subjects) item.Categories.Add(new SyndicationCategory(s));
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

    private static (IReadOnlyList<PressRelease> Releases, IReadOnlyDictionary<Guid, string> Html) Split(IReadOnlyList<Item> items) =>
        (items.Select(i => i.Release).ToList(), items.ToDictionary(i => i.Release.Id, i => i.Html));

    private byte[] JsonFeed(IReadOnlyList<Item> items, string? unitId, string? subject, string baseUri)
    {
        var (releases, html) = Split(items);
        var feed = new JsonObject
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = Title(unitId, subject),
            ["home_page_url"] = baseUri,
            ["feed_url"] = $"{baseUri}/api/media/feeds/json",
            ["language"] = "id",
            ["items"] = new JsonArray(releases.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = Uri(r, baseUri),
                ["url"] = Uri(r, baseUri),
                ["title"] = r.Status == ReleaseStatus.Withdrawn ? $"[Ditarik] {r.Content.Headline}" : r.Content.Headline,
                ["summary"] = r.Status == ReleaseStatus.Withdrawn ? r.WithdrawalNotice : r.Content.Summary,
                ["content_html"] = html[r.Id],
                ["date_published"] = FirstCreated(r).ToString("O", CultureInfo.InvariantCulture),
                ["date_modified"] = VersionCreated(r).ToString("O", CultureInfo.InvariantCulture),
                ["language"] = r.Content.Language,
                ["authors"] = new JsonArray(new JsonObject { ["name"] = IssuedBy(r) }),
                ["tags"] = new JsonArray(r.Content.Subjects.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            }).ToArray()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(feed);
    }

    /// <summary>
    /// One release as a ninjs 2.2 object (also served alone at /releases/{id}/ninjs, and posted to
    /// webhooks as it was at the event); its body is <paramref name="html"/> when given (a feed's stored HTML).
    /// </summary>
    public JsonObject NinjsItem(PressRelease r, string baseUri, string? html = null)
    {
        var withdrawn = r.Status == ReleaseStatus.Withdrawn;
        var item = new JsonObject
        {
            ["uri"] = Uri(r, baseUri),
            ["type"] = "text",
            ["version"] = r.CurrentVersion.ToString(CultureInfo.InvariantCulture),
            ["firstcreated"] = FirstCreated(r).ToString("O", CultureInfo.InvariantCulture),
            ["versioncreated"] = VersionCreated(r).ToString("O", CultureInfo.InvariantCulture),
            ["pubstatus"] = withdrawn ? "canceled" : "usable",
            ["language"] = r.Content.Language,
            ["headlines"] = new JsonArray(new JsonObject { ["value"] = r.Content.Headline }),
            ["descriptions"] = new JsonArray(new JsonObject { ["value"] = withdrawn ? r.WithdrawalNotice : r.Content.Summary }),
            ["bodies"] = new JsonArray(new JsonObject { ["value"] = html ?? Content(r), ["contenttype"] = "text/html" }),
            ["by"] = IssuedBy(r),
            ["located"] = r.Content.Place,
            ["subjects"] = new JsonArray(r.Content.Subjects.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = subjects.Find(s)?.IndonesianLabel ?? s,
                ["uri"] = $"{baseUri}/api/media/subjects#{s}",
            }).ToArray()),
        };
        if (!withdrawn && r.Attachments.Count > 0)
            item["renditions"] = new JsonArray(r.Attachments.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = $"attachment-{a.AttachmentId}",
                ["href"] = Attachments.Href(baseUri, r.Id, a.AttachmentId),
                ["contenttype"] = a.ContentType,
                ["title"] = a.FileName,
                ["sizeinbytes"] = a.Size,
            }).ToArray());
        if (r.IsUnderEmbargo) item["embargoed"] = r.EmbargoUntil!.Value.ToString("O", CultureInfo.InvariantCulture);
        return item;
    }

    private byte[] Ninjs(IReadOnlyList<Item> items, string baseUri) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonArray(items.Select(i => (JsonNode)NinjsItem(i.Release, baseUri, i.Html)).ToArray()));
}

public static class GetReleaseNinjs
{
    public static void MapGetReleaseNinjs(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/media/releases/{releaseId:guid}/ninjs", async (Guid releaseId, HttpContext http, EventStore store, ReleaseFeeds feeds, CancellationToken ct) =>
            {
                var found = await store.AggregateAsync(PressRelease.StreamId(releaseId), PressRelease.Initial, PressRelease.Evolve, ct);
                if (found is not var (release, _) || !(release.IsPublic || release.IsWithdrawnPublicly)) throw Refusal.NotFound("release.not-found", releaseId);
                var item = feeds.NinjsItem(release, $"{http.Request.Scheme}://{http.Request.Host}");
                return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(item), "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Feeds")
            .WithName("GetReleaseNinjs")
            .WithSummary("One public press release as a ninjs 2.2 object")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
