using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.MediaRelations;

/// <summary>Attachments through the gateway: checked by content, stored with their checksum, linked as ninjs renditions once the release is public.</summary>
public sealed class AttachmentTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid releaseId, byte[] bytes, string fileName, string contentType, long ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/media/releases/{releaseId}/attachments?fileName={Uri.EscapeDataString(fileName)}")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_pdf_is_stored_with_its_checksum_served_once_public_and_linked_as_a_rendition_while_a_disguised_file_is_refused()
    {
        var author = await Gateway.ClientAsync(await Gateway.TokenAsync($"author-{Guid.NewGuid():N}", "humas-officer", "kpu-33"));
        var reviewer = await Gateway.ClientAsync(await Gateway.TokenAsync($"reviewer-{Guid.NewGuid():N}", "humas-officer", "kpu-33"));
        using var anyone = await Gateway.ClientAsync();
        var created = await author.PostAsJsonAsync("/api/media/releases", PressReleaseTests.Valid(headline: "Dengan lampiran"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("releaseId").GetGuid();

        // A text file named and declared as a PNG: refused by its content, nothing stored.
        var disguised = await AttachAsync(author, id, Encoding.UTF8.GetBytes("bukan gambar"), "foto.png", "image/png", 1);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.True((await disguised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(0, await StoredAsync(id));

        var attached = await Steps.OkAsync(await AttachAsync(author, id, Pdf, "dpt.pdf", "application/octet-stream", 1));
        var attachment = attached.GetProperty("attachments")[0];
        Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), attachment.GetProperty("sha256").GetString());
        var attachmentId = attachment.GetProperty("attachmentId").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{id}/attachments/{attachmentId}")).StatusCode);

        await Steps.OkAsync(await Steps.PostAsync(author, $"/api/media/releases/{id}/submit", new { }, 2));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/approve", new { }, 3));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, 4));

        var ninjs = await anyone.GetByteArrayAsync($"/api/media/releases/{id}/ninjs");
        await FeedTests.ParseAsync("ninjs", ninjs);
        var rendition = JsonDocument.Parse(ninjs).RootElement.GetProperty("renditions")[0];
        Assert.Equal("application/pdf", rendition.GetProperty("contenttype").GetString());
        var href = new Uri(rendition.GetProperty("href").GetString()!);
        var download = await anyone.GetAsync(href.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(Pdf))}\"", download.Headers.ETag?.Tag);
    }

    private static async Task<long> StoredAsync(Guid releaseId)
    {
        await using var db = await Databases.OpenAsync("mediarelations");
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM release_attachments WHERE release_id = @id", db);
        command.Parameters.AddWithValue("id", releaseId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
