using System.Security.Cryptography;
using Humas.Eventing.Store;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;

namespace Humas.MediaRelations.PressReleases;

/// <summary>
/// Attachments of a release: PDF documents and PNG or JPEG images, recognised by their first bytes
/// (never by the name or the declared type), at most Humas:Media:Attachments:MaxBytes (10 MiB by
/// default), with their SHA-256. Added to drafts by humas officers of the unit; read by anyone once
/// the release is public, as feeds' ninjs renditions link them.
/// </summary>
public static class Attachments
{
    public const int MaxPerRelease = 10;
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The type the bytes are, or null when they are none of the allowed ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8)) return "application/pdf";
        if (bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
        return null;
    }

    public static string? FileNameProblem(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "field.required"
        : fileName.Length > 200 || fileName.IndexOfAny(['/', '\\', '"', '\r', '\n', '\0']) >= 0 ? "release.attachment.file-name-invalid"
        : null;

    /// <summary>Only a draft takes attachments, and at most <see cref="MaxPerRelease"/>.</summary>
    public static IReadOnlyList<object> Add(PressRelease state, ReleaseAttachment attachment, ReleaseContext context)
    {
        if (state.Status != ReleaseStatus.Draft) throw Refusal.Conflict("release.not-a-draft");
        if (state.Attachments.Any(a => a.Sha256 == attachment.Sha256)) return [];
        if (state.Attachments.Count >= MaxPerRelease) throw Refusal.Conflict("release.attachment.too-many", MaxPerRelease);
        return [new PressReleaseAttachmentAdded(state.Id, attachment, context.Actor, context.Now)];
    }

    public static string Href(string baseUri, Guid releaseId, Guid attachmentId) => $"{baseUri}/api/media/releases/{releaseId}/attachments/{attachmentId}";

    public static void MapAttachments(this RouteGroupBuilder releases)
    {
        releases.MapPost("/{releaseId:guid}/attachments", AddAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("AddReleaseAttachment")
            .WithSummary("Attach a PDF, PNG or JPEG to a draft: the file as the body, its name in ?fileName= (If-Match with its version)")
            .Accepts<byte[]>("application/octet-stream", "application/pdf", "image/png", "image/jpeg")
            .ProducesChange<ReleaseView>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        releases.MapGet("/{releaseId:guid}/attachments/{attachmentId:guid}", GetAsync).AllowAnonymous()
            .WithName("GetReleaseAttachment")
            .WithSummary("An attachment's bytes: to anyone once the release is public, before to humas officers of its unit")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AddAsync(Guid releaseId, string? fileName, HttpContext http, NpgsqlDataSource db, IConfiguration configuration, TimeProvider clock,
        CancellationToken ct)
    {
        if (FileNameProblem(fileName) is { } problem) throw Refusal.Invalid("fileName", problem, "fileName");
        var max = configuration.GetValue("Humas:Media:Attachments:MaxBytes", DefaultMaxBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + 1;
        if (http.Request.ContentLength > max) throw Refusal.Invalid("file", "release.attachment.too-large", max);
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException)
        {
            throw Refusal.Invalid("file", "release.attachment.too-large", max);
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw Refusal.Invalid("file", "field.required", "file");
        if (bytes.Length > max) throw Refusal.Invalid("file", "release.attachment.too-large", max);
        if (Sniff(bytes) is not { } contentType) throw Refusal.Invalid("file", "release.attachment.type-not-allowed");

        var attachment = new ReleaseAttachment(Guid.CreateVersion7(), fileName!.Trim(), contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        // The bytes first, then the event that names them: a refused change deletes them again.
        await using (var insert = db.CreateCommand("""
            INSERT INTO release_attachments (attachment_id, release_id, content_type, size, sha256, content, created_at)
            VALUES (@id, @release, @type, @size, @sha, @content, @at)
            """))
        {
            insert.Parameters.AddWithValue("id", attachment.AttachmentId);
            insert.Parameters.AddWithValue("release", releaseId);
            insert.Parameters.AddWithValue("type", contentType);
            insert.Parameters.AddWithValue("size", (long)bytes.Length);
            insert.Parameters.AddWithValue("sha", attachment.Sha256);
            insert.Parameters.AddWithValue("content", bytes);
            insert.Parameters.AddWithValue("at", clock.GetUtcNow());
            await insert.ExecuteNonQueryAsync(ct);
        }
        try
        {
            var result = await ReleaseChanges.RunAsync(http, releaseId, (state, context) => Add(state, attachment, context));
            return result;
        }
        catch (Exception)
        {
            await using var delete = db.CreateCommand("DELETE FROM release_attachments WHERE attachment_id = @id");
            delete.Parameters.AddWithValue("id", attachment.AttachmentId);
            await delete.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    private static async Task<IResult> GetAsync(Guid releaseId, Guid attachmentId, HttpContext http, EventStore store, ResourceAccess access, NpgsqlDataSource db,
        CancellationToken ct)
    {
        var found = await store.AggregateAsync(PressRelease.StreamId(releaseId), PressRelease.Initial, PressRelease.Evolve, ct);
        if (found is not var (release, _)) throw Refusal.NotFound("release.attachment.not-found", attachmentId);
        if (!release.IsPublic && !await access.AllowsAsync(http.User, new ProtectedResource(release.UnitId), ReleaseChanges.MediaOfficer))
            throw Refusal.NotFound("release.attachment.not-found", attachmentId);
        if (release.Attachments.FirstOrDefault(a => a.AttachmentId == attachmentId) is not { } attachment)
            throw Refusal.NotFound("release.attachment.not-found", attachmentId);
        await using var command = db.CreateCommand("SELECT content FROM release_attachments WHERE attachment_id = @id");
        command.Parameters.AddWithValue("id", attachmentId);
        if (await command.ExecuteScalarAsync(ct) is not byte[] bytes) throw Refusal.NotFound("release.attachment.not-found", attachmentId);
        http.Response.Headers.ETag = $"\"{attachment.Sha256}\"";
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(attachment.Sha256))}:";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = release.IsPublic ? "public, max-age=3600" : "private, no-store";
        return TypedResults.File(bytes, attachment.ContentType, attachment.FileName);
    }
}
