using System.Security.Cryptography;
using Dapper;
using Humas.Eventing.Store;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Humas.Clarifications.Reports;

/// <summary>Limits of screenshots (Humas:Clarifications:Screenshots).</summary>
public sealed record ScreenshotSettings
{
    public int MaxBytes { get; init; } = 2 * 1024 * 1024;
    public int MaxPerReport { get; init; } = 5;
}

/// <summary>
/// Screenshots of a reported claim, attached by its reporter (X-Access-Code) or a humas officer of
/// its unit: images only, the type found from the bytes themselves (PNG, JPEG, GIF, WebP) whatever
/// the request says, at most a configured size, stripped of their metadata (EXIF with its GPS
/// position, XMP, comments), stored with the SHA-256 of what is stored in the service's database in
/// the transaction that appends the report's event (docs/adr/0008).
/// </summary>
public static class Screenshots
{
    /// <summary>The image type the bytes begin with, or null when they are not one of the accepted images.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "image/gif";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>
    /// The decision, pure: the event of an attached screenshot and the bytes to store (the image without its
    /// metadata, see <see cref="ImageMetadata"/>; the size and checksum are of these), or the refusal.
    /// </summary>
    public static (ScreenshotAttached Attached, byte[] Stored) Decide(Report state, byte[] bytes, Guid screenshotId, ScreenshotSettings settings, string by,
        DateTimeOffset now)
    {
        if (bytes.Length == 0) throw Refusal.Invalid("screenshot", "clarification.screenshot.empty");
        if (bytes.Length > settings.MaxBytes) throw Refusal.Invalid("screenshot", "clarification.screenshot.too-large", settings.MaxBytes / 1024);
        var mediaType = MediaTypeOf(bytes) ?? throw Refusal.Invalid("screenshot", "clarification.screenshot.not-an-image");
        var stored = ImageMetadata.Strip(mediaType, bytes) ?? throw Refusal.Invalid("screenshot", "clarification.screenshot.damaged");
        if (state.Screenshots.Count >= settings.MaxPerReport) throw Refusal.Conflict("clarification.screenshot.too-many", settings.MaxPerReport);
        return (new ScreenshotAttached(screenshotId, mediaType, stored.Length, Convert.ToHexStringLower(SHA256.HashData(stored)), by, now), stored);
    }

    public sealed record Attached(Guid ScreenshotId, string MediaType, int Size, string Sha256, string Url);

    public static void MapScreenshots(this RouteGroupBuilder api, ScreenshotSettings settings)
    {
        api.MapPost("/reports/{number}/screenshots", AttachAsync).AcceptsAccessCode()
            // A repeated upload (a double tap on the portal's report form) attaches the image once.
            .WithIdempotencyKey("attach-screenshot")
            // The body may be larger than the service's default limit. It is read whole up to four times a
            // screenshot's limit, so that an oversize image is answered with a problem naming the field
            // rather than a connection cut short under the gateway; beyond that the server refuses it.
            .WithMetadata(new RequestSizeLimitAttribute(settings.MaxBytes * 4L))
            .WithTags("Reports").WithName("AttachScreenshot")
            .WithSummary("Attach a screenshot of the claim (the image's bytes as the body: PNG, JPEG, GIF or WebP, checked by content)")
            .Accepts<byte[]>("image/png", "image/jpeg", "image/gif", "image/webp", "application/octet-stream")
            .Produces<Attached>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/reports/{number}/screenshots/{screenshotId:guid}", GetAsync).AcceptsAccessCode().CarriesPersonalData()
            .WithTags("Reports").WithName("GetScreenshot")
            .WithSummary("A screenshot of a report, for its reporter or a humas officer of its unit (header Digest-SHA256 is its checksum)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<(Report State, long Version)> LoadAsync(HttpContext http, string number, NpgsqlDataSource db, EventStore store, ResourceAccess access,
        CancellationToken ct)
    {
        var row = await GetReport.FindAsync(db, number, ct);
        var found = row is null ? null : await store.AggregateAsync(Report.StreamId(row.ReportId), Report.Initial, Report.Evolve, ct);
        var resource = found is var (state, _) ? new ProtectedResource(state.UnitId, new RequesterKeys(state.AccessCodeHash, null)) : null;
        await access.DemandAsync(http, resource, GetReport.ReporterOrHumasOfficer, "clarification.report.not-found", number);
        return found!.Value;
    }

    private static async Task<IResult> AttachAsync(string number, HttpContext http, NpgsqlDataSource db, EventStore store, ResourceAccess access,
        ScreenshotSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var (state, version) = await LoadAsync(http, number, db, store, access, ct);
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw Refusal.Invalid("screenshot", "clarification.screenshot.too-large", settings.MaxBytes / 1024);
        }
        var by = ChangeFlow<Report, object, object>.ActorOf(http) ?? "reporter";
        var (attached, stored) = Decide(state, buffer.ToArray(), Guid.CreateVersion7(), settings, by, clock.GetUtcNow());

        await using var write = await WriteSession.OpenAsync(http, ct);
        await write.Session.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO clarification_screenshots (screenshot_id, report_id, media_type, size, sha256, content, added_at)
            VALUES (@ScreenshotId, @ReportId, @MediaType, @Size, @Sha256, @Content, @At)
            """, new { attached.ScreenshotId, ReportId = state.Id, attached.MediaType, attached.Size, attached.Sha256, Content = stored, attached.At },
            write.Session.Transaction, cancellationToken: ct));
        await write.Session.AppendAsync(Report.StreamId(state.Id), Report.StreamType, version, [attached], new EventMetadata(Actor: by), ct);
        await write.CommitAsync(ct);
        var url = $"/api/clarifications/reports/{state.Number}/screenshots/{attached.ScreenshotId}";
        return TypedResults.Created(url, new Attached(attached.ScreenshotId, attached.MediaType, attached.Size, attached.Sha256, url));
    }

    private sealed record Stored(string MediaType, string Sha256, byte[] Content);

    private static async Task<IResult> GetAsync(string number, Guid screenshotId, HttpContext http, NpgsqlDataSource db, EventStore store, ResourceAccess access,
        CancellationToken ct)
    {
        var (state, _) = await LoadAsync(http, number, db, store, access, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        var stored = await connection.QuerySingleOrDefaultAsync<Stored>(new CommandDefinition(
            "SELECT media_type, sha256, content FROM clarification_screenshots WHERE screenshot_id = @screenshotId AND report_id = @report",
            new { screenshotId, report = state.Id }, cancellationToken: ct)) ?? throw Refusal.NotFound("clarification.screenshot.not-found", screenshotId);
        http.Response.Headers["Digest-SHA256"] = stored.Sha256;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Bytes(stored.Content, stored.MediaType);
    }
}
