using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Humas.EndToEndTests.Infrastructure;
using Humas.EndToEndTests.MediaRelations;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// The newsrooms and release pages through the gateway, without JavaScript: the newsroom of a
/// regency, of its province and national, each with every feed linked as an alternate (the feeds
/// read by an independent parser); a release with its attachment, its correction and versions,
/// then its withdrawal notice. The contact person's phone appears nowhere.
/// </summary>
public sealed class NewsroomPagesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_release_is_in_the_newsrooms_with_every_feed_linked_and_its_page_shows_attachments_corrections_versions_and_withdrawal()
    {
        var unit = Requests.RandomRegencyUnit();
        var headline = $"KPU menetapkan jadwal kampanye {Guid.NewGuid():N}";
        var author = await Gateway.ClientAsync(await Gateway.TokenAsync($"author-{Guid.NewGuid():N}", "humas-officer", unit));
        var reviewer = await Gateway.ClientAsync(await Gateway.TokenAsync($"reviewer-{Guid.NewGuid():N}", "humas-officer", unit));
        var created = await author.PostAsJsonAsync("/api/media/releases", PressReleaseTests.Valid(unit, headline));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("releaseId").GetGuid();
        var attach = new HttpRequestMessage(HttpMethod.Post, $"/api/media/releases/{id}/attachments?fileName=jadwal.pdf") { Content = new ByteArrayContent(Pdf) };
        attach.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        attach.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Steps.OkAsync(await author.SendAsync(attach));
        await Steps.OkAsync(await Steps.PostAsync(author, $"/api/media/releases/{id}/submit", new { }, 2));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/approve", new { }, 3));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, 4));

        using var portal = await PortalPages.OpenAsync();
        using var anyone = await Gateway.ClientAsync();
        foreach (var newsroom in new[] { $"/{unit}/berita", $"/{unit[..6]}/berita", "/berita" })
        {
            var page = await portal.GetAsync(newsroom);
            Assert.Contains(page.Document.QuerySelectorAll("#rilis li a"), a => a.GetAttribute("href") == $"/rilis/{id}" && a.TextContent.Trim() == headline);
            var alternates = page.Document.QuerySelectorAll("head link[rel=alternate]").ToList();
            Assert.Equal(["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"], alternates.Select(l => l.GetAttribute("type")));
            if (newsroom != $"/{unit}/berita") continue;
            foreach (var (link, format) in alternates.Zip(new[] { "rss", "atom", "json", "ninjs" }))
            {
                var feed = await anyone.GetByteArrayAsync(link.GetAttribute("href"));
                Assert.Contains(id.ToString(), (await FeedTests.ParseAsync(format, feed)).GetRawText());
            }
        }

        var release = await portal.GetAsync($"/rilis/{id}");
        Assert.Equal(headline, release.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("terbuka", release.Document.QuerySelector("#isi-rilis strong")!.TextContent);
        Assert.Null(release.Document.QuerySelector("#isi-rilis script"));
        var attachment = release.Document.QuerySelector("#lampiran a")!;
        Assert.Equal("jadwal.pdf", attachment.TextContent.Trim());
        Assert.Equal(Pdf, await anyone.GetByteArrayAsync(attachment.GetAttribute("href")));
        Assert.Equal(4, release.Document.QuerySelectorAll("head link[rel=alternate]").Length);
        Assert.DoesNotContain("8311111", release.Document.DocumentElement.OuterHtml);
        HtmlChecks.HeadingsAreInOrder(release.Document);

        var correction = JsonSerializer.SerializeToNode(PressReleaseTests.Valid(unit, headline + " (diperbaiki)"))!.AsObject();
        correction.Remove("unitId");
        correction["correctionNote"] = "Tanggal kampanye diperbaiki.";
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/correct", correction, 5));
        var corrected = await portal.GetAsync($"/rilis/{id}");
        Assert.Contains("Tanggal kampanye diperbaiki.", corrected.Document.QuerySelector("#koreksi")!.TextContent);
        Assert.Equal(2, corrected.Document.QuerySelectorAll("#versi li").Length);
        Assert.Contains(headline, corrected.Document.QuerySelectorAll("#versi li summary + p").Select(p => p.TextContent.Trim()));

        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/withdraw", new JsonObject { ["notice"] = "Siaran pers ini ditarik karena keliru." }, 6));
        var withdrawn = await portal.GetAsync($"/rilis/{id}");
        Assert.Contains("Siaran pers ini ditarik karena keliru.", withdrawn.Document.QuerySelector("#ditarik")!.TextContent);
        Assert.Null(withdrawn.Document.QuerySelector("#isi-rilis strong"));
        Assert.Null(withdrawn.Document.QuerySelector("#lampiran"));

        var english = await portal.GetAsync($"/rilis/{id}?lang=en");
        Assert.Contains("withdrawn", english.Document.QuerySelector("#ditarik")!.TextContent);

        await portal.GetAsync($"/rilis/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await portal.GetAsync("/kpu-99.99/berita", HttpStatusCode.NotFound);
    }
}
