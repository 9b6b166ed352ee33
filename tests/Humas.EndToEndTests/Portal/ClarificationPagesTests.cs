using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// The portal's clarification pages through the gateway, without JavaScript: the lists, one
/// clarification with its ClaimReview read from the page by a JSON-LD processor (pyld), checking a
/// claim, reporting a hoax with a screenshot and following the report.
/// </summary>
public sealed class ClarificationPagesTests
{
    /// <summary>A word no other run uses, so that a claim matches only itself.</summary>
    private static string Village() => "desa" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <summary>Publishes one clarification (by import, as a humas officer of the unit) and answers its number.</summary>
    private static async Task<string> PublishAsync(string unit, string claim)
    {
        using var officer = await Gateway.ClientAsync(await Gateway.TokenAsync($"humas-{unit}", "humas-officer", unit));
        var response = await officer.PostAsJsonAsync("/api/clarifications/imports", new[]
        {
            new
            {
                unitId = unit, label = "hoaks", title = $"[HOAKS] {claim}", claim, explanation = "Faktanya, **tidak ada** kejadian seperti itu.",
                publishedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"), sourceUrl = "https://kpu.example.go.id/klarifikasi/sumber",
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers")[0].GetString()!;
    }

    private static async Task<long> ReportCountAsync(string unit)
    {
        await using var db = await Databases.OpenAsync("clarifications");
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM clarification_reports WHERE unit_id = @u", db);
        count.Parameters.AddWithValue("u", unit);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_published_clarification_is_listed_and_its_page_carries_the_ClaimReview_an_independent_JSON_LD_processor_reads()
    {
        var unit = Requests.RandomRegencyUnit();
        var claim = $"Kotak suara di {Village()} sudah diisi surat suara sebelum hari pemungutan.";
        var number = await PublishAsync(unit, claim);
        using var portal = await PortalPages.OpenAsync();

        foreach (var list in new[] { $"/{unit}/klarifikasi", "/klarifikasi" })
        {
            var page = await portal.GetAsync(list);
            var item = page.Document.QuerySelectorAll("#klarifikasi li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/klarifikasi/{number}");
            Assert.Equal("Hoaks", item.QuerySelector(".label")!.TextContent.Trim());
            Assert.Equal($"[HOAKS] {claim}", item.QuerySelector("a")!.TextContent.Trim());
            var feeds = page.Document.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("type")).ToList();
            Assert.Equal(["application/rss+xml", "application/atom+xml", "application/feed+json"], feeds);
        }

        var clarification = await portal.GetAsync($"/klarifikasi/{number}");
        Assert.Equal("Hoaks", clarification.Document.QuerySelector("#label")!.TextContent.Trim());
        Assert.Equal(claim, clarification.Document.QuerySelector("#klaim")!.TextContent.Trim());
        Assert.Equal("tidak ada", clarification.Document.QuerySelector("#fakta strong")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(clarification.Document.QuerySelector("#kesimpulan")!.TextContent));
        Assert.NotNull(clarification.Document.QuerySelector("#rujukan a[href='https://kpu.example.go.id/klarifikasi/sumber']"));
        HtmlChecks.HeadingsAreInOrder(clarification.Document);

        var jsonLd = Assert.Single(clarification.Document.QuerySelectorAll("script[type='application/ld+json']")).TextContent;
        var review = await CaseLifecycleTests.CheckAsync("claimreview", Encoding.UTF8.GetBytes(jsonLd));
        Assert.Equal(claim, review.GetProperty("claimReviewed").GetString());
        Assert.EndsWith($"/api/clarifications/{number}", review.GetProperty("url").GetString());
        Assert.Equal("[HOAKS]", review.GetProperty("alternateName").GetString());
        Assert.Equal(1, review.GetProperty("ratingValue").GetInt32());

        var english = await portal.GetAsync($"/klarifikasi/{number}?lang=en");
        Assert.Equal("Hoax", english.Document.QuerySelector("#label")!.TextContent.Trim());

        await portal.GetAsync("/klarifikasi/KPU-33.21-KLR-1999-99999", HttpStatusCode.NotFound);
        await portal.GetAsync("/kpu-99.99/klarifikasi", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Checking_a_claim_finds_the_clarification_it_repeats_and_says_so_when_none_does()
    {
        var village = Village();
        var number = await PublishAsync(Requests.RandomRegencyUnit(), $"Petugas KPPS di {village} dibayar untuk mencoblos sisa surat suara pada sore hari.");
        using var portal = await PortalPages.OpenAsync();

        var form = await portal.GetAsync("/klarifikasi/cek");
        HtmlChecks.EveryFieldIsLabelled(form.Document);
        var found = await portal.SubmitAsync(form, new Dictionary<string, string[]>
        {
            ["text"] = [$"petugas kpps di {village} dibayar buat nyoblos sisa surat suara sore hari!!"],
        }, HttpStatusCode.OK);
        Assert.Equal($"/klarifikasi/{number}", found.Document.QuerySelector("#cocok li a")!.GetAttribute("href"));

        var none = await portal.SubmitAsync(form, new Dictionary<string, string[]> { ["text"] = [$"{Village()} {Village()} {Village()}"] }, HttpStatusCode.OK);
        Assert.Null(none.Document.QuerySelector("#cocok"));
        Assert.NotNull(none.Document.QuerySelector("#tidak-ada"));
    }

    [Fact]
    public async Task A_citizen_reports_a_hoax_with_a_screenshot_and_follows_it_without_the_code_in_any_address()
    {
        var unit = Requests.RandomRegencyUnit();
        using var portal = await PortalPages.OpenAsync();
        var form = await portal.GetAsync($"/{unit}/klarifikasi/lapor");
        HtmlChecks.EveryFieldIsLabelled(form.Document);
        var claim = $"Beredar pesan bahwa pemilih di {Village()} wajib membawa fotokopi KTP tiga lembar ke TPS.";
        var before = await ReportCountAsync(unit);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        var values = new Dictionary<string, string[]>
        {
            ["Form.Claim"] = [claim], ["Form.SeenOn"] = ["whatsapp"], ["Form.Url"] = ["https://chat.example.org/pesan/1"],
        };
        var done = await portal.SubmitAsync(form, values, HttpStatusCode.OK, files: new Dictionary<string, (string, byte[])> { ["screenshot"] = ("pesan.png", png) });
        // A double tap sends the same form (the same key) again: the same report, the screenshot attached once.
        var again = await portal.SubmitAsync(form, values, HttpStatusCode.OK, files: new Dictionary<string, (string, byte[])> { ["screenshot"] = ("pesan.png", png) });
        Assert.Equal(done.Document.QuerySelector("#nomor")!.TextContent.Trim(), again.Document.QuerySelector("#nomor")!.TextContent.Trim());
        Assert.Null(again.Document.QuerySelector("#tangkapan-galat"));

        var number = done.Document.QuerySelector("#nomor")!.TextContent.Trim();
        var code = done.Document.QuerySelector("#kode")!.TextContent.Trim();
        Assert.Matches(@"^KPU-\d{2}\.\d{2}-", number);
        Assert.Null(done.Document.QuerySelector("#tangkapan-galat"));
        Assert.Contains("WIB", done.Document.QuerySelector("#kasus")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.NotNull(done.Document.QuerySelector("#ditinjau"));
        Assert.Contains("no-store", done.Response.Headers.CacheControl?.ToString());
        Assert.Equal(before + 1, await ReportCountAsync(unit));
        await using (var db = await Databases.OpenAsync("clarifications"))
        {
            await using var stored = new Npgsql.NpgsqlCommand(
                "SELECT s.content FROM clarification_screenshots s JOIN clarification_reports r USING (report_id) WHERE r.number = @n", db);
            stored.Parameters.AddWithValue("n", number);
            var screenshots = new List<byte[]>();
            await using (var reader = await stored.ExecuteReaderAsync())
                while (await reader.ReadAsync()) screenshots.Add((byte[])reader[0]);
            Assert.Equal(png, Assert.Single(screenshots));
        }

        var follow = await portal.GetAsync("/klarifikasi/lacak");
        HtmlChecks.EveryFieldIsLabelled(follow.Document);
        var status = await portal.SubmitAsync(follow, new Dictionary<string, string[]> { ["Number"] = [number], ["AccessCode"] = [code] }, HttpStatusCode.OK);
        Assert.Contains(number, status.Document.QuerySelector("#status")!.TextContent);
        Assert.Contains("Sedang diperiksa", status.Document.QuerySelector("#status")!.TextContent);
        Assert.Contains(claim, status.Document.QuerySelector("#status")!.TextContent);
        Assert.Contains("WIB", status.Document.QuerySelector("#kasus")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(code, status.Response.RequestMessage!.RequestUri!.ToString());
        Assert.DoesNotContain(code, done.Response.RequestMessage!.RequestUri!.ToString());

        var wrong = await portal.SubmitAsync(follow, new Dictionary<string, string[]> { ["Number"] = [number], ["AccessCode"] = ["SALAH12345"] }, (HttpStatusCode)422);
        Assert.Null(wrong.Document.QuerySelector("#status"));
        Assert.DoesNotContain(claim, wrong.Document.Body!.TextContent);
    }

    [Fact]
    public async Task A_report_that_repeats_a_published_clarification_is_answered_with_it_at_once()
    {
        var unit = Requests.RandomRegencyUnit();
        var village = Village();
        var number = await PublishAsync(unit, $"Surat suara pemilihan di {village} sudah dicoblos lebih dulu oleh panitia kecamatan setempat.");
        using var portal = await PortalPages.OpenAsync();
        var done = await portal.SubmitAsync(await portal.GetAsync($"/{unit}/klarifikasi/lapor"), new Dictionary<string, string[]>
        {
            ["Form.Claim"] = [$"surat suara pemilihan di {village} udah dicoblos duluan oleh panitia kecamatan setempat"], ["Form.SeenOn"] = ["facebook"],
        }, HttpStatusCode.OK);
        Assert.Equal($"/klarifikasi/{number}", done.Document.QuerySelector("#jawaban a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_refused_report_shows_each_problem_next_to_its_field_in_the_readers_language_and_nothing_is_written()
    {
        var unit = Requests.RandomRegencyUnit();
        using var portal = await PortalPages.OpenAsync();
        var before = await ReportCountAsync(unit);

        var refused = await portal.SubmitAsync(await portal.GetAsync($"/{unit}/klarifikasi/lapor"), new Dictionary<string, string[]>
        {
            ["Form.Claim"] = [""], ["Form.SeenOn"] = ["mass-media"], ["Form.Url"] = ["bukan alamat"],
        }, (HttpStatusCode)422);
        foreach (var id in new[] { "claim", "outlet", "url" })
        {
            var field = refused.Document.QuerySelector($"#{id}")!;
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Equal("error", field.PreviousElementSibling?.ClassName);
        }
        Assert.Null(refused.Document.QuerySelector("#nomor"));

        var english = await portal.SubmitAsync(await portal.GetAsync($"/{unit}/klarifikasi/lapor?lang=en"), new Dictionary<string, string[]>
        {
            ["Form.Claim"] = [""], ["Form.SeenOn"] = ["whatsapp"],
        }, (HttpStatusCode)422);
        var indonesian = refused.Document.QuerySelector("#claim")!.PreviousElementSibling!.TextContent.Trim();
        Assert.NotEqual(indonesian, english.Document.QuerySelector("#claim")!.PreviousElementSibling!.TextContent.Trim());

        // A screenshot over the limit is refused before anything is written.
        var tooLarge = await portal.SubmitAsync(await portal.GetAsync($"/{unit}/klarifikasi/lapor"), new Dictionary<string, string[]>
        {
            ["Form.Claim"] = [$"Klaim {Village()} dengan gambar yang terlalu besar untuk dilampirkan."], ["Form.SeenOn"] = ["whatsapp"],
        }, (HttpStatusCode)422, files: new Dictionary<string, (string, byte[])> { ["screenshot"] = ("besar.png", new byte[2 * 1024 * 1024 + 10]) });
        Assert.Equal("error", tooLarge.Document.QuerySelector("#screenshot")!.PreviousElementSibling?.ClassName);
        Assert.Equal(before, await ReportCountAsync(unit));
    }
}
