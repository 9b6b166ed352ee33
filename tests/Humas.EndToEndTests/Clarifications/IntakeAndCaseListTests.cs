using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.Clarifications;

/// <summary>
/// Through the gateway: a report resembling an open case of its unit joins it or names it; the
/// officers' case list a page at a time; a screenshot carrying an EXIF GPS position stored without it.
/// </summary>
public sealed class IntakeAndCaseListTests
{
    /// <summary>A unit of its own, so that the claims of other tests do not meet these.</summary>
    private const string Unit = "kpu-33.10";

    private static string Word(string prefix = "") => prefix + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private static string Village() => Word("desa");

    private static async Task<HttpClient> OfficerAsync(string name) =>
        await Gateway.ClientAsync(await Gateway.TokenAsync($"{name}-{Guid.NewGuid():N}", "humas-officer", Unit));

    private static object Report(string claim) => new
    {
        unitId = Unit, claim, seenOn = "facebook", firstSeenAt = DateTimeOffset.UtcNow.AddHours(-1), reach = new { shares = 40, views = 900 },
    };

    private static async Task<JsonElement> SubmitAsync(string claim)
    {
        using var citizen = await Gateway.ClientAsync();
        return await Steps.OkAsync(await citizen.PostAsJsonAsync("/api/clarifications/reports", Report(claim)));
    }

    private static async Task<IReadOnlyList<JsonElement>> CasesAsync(HttpClient officer, string village) =>
        (await Steps.GetAsync(officer, $"/api/clarifications/cases?unitId={Unit}&limit=1000")).GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("claim").GetString()!.Contains(village, StringComparison.OrdinalIgnoreCase)).ToList();

    [Fact]
    public async Task A_report_retelling_an_open_case_joins_it_a_short_one_names_it_and_neither_is_public()
    {
        // Words of this run only, so that the claims of earlier runs (still open cases of the unit) score low against these.
        var village = Village();
        var (w1, w2, w3, w4) = (Word(), Word(), Word(), Word());
        var first = await SubmitAsync(
            $"Kotak suara di gudang kecamatan {village} dibuka paksa oleh {w1} {w2} pada malam sebelum rekapitulasi suara di {w3} {w4}.");
        var retold = $"kotak suara digudang kec {village} udah dibuka paksa sama {w1} {w2} malam sebelum rekapitulasi suara di {w3} {w4}!!";
        var second = await SubmitAsync(retold);
        Assert.Equal("in-review", second.GetProperty("status").GetString());
        // Each reporter is told of the case: the first opened it, the second joined it (one report before theirs); the same answer-by time.
        Assert.Equal(1, first.GetProperty("case").GetProperty("reports").GetInt32());
        Assert.Equal(2, second.GetProperty("case").GetProperty("reports").GetInt32());
        var respondBy = second.GetProperty("case").GetProperty("respondBy").GetDateTimeOffset();
        Assert.True(respondBy > DateTimeOffset.UtcNow, $"respond by {respondBy:O}");
        using (var reporter = await Gateway.ClientAsync())
        {
            reporter.DefaultRequestHeaders.Add("X-Access-Code", first.GetProperty("accessCode").GetString());
            var followed = await Steps.GetAsync(reporter, $"/api/clarifications/reports/{first.GetProperty("number").GetString()}");
            Assert.Equal(2, followed.GetProperty("case").GetProperty("reports").GetInt32());
            // The same time (as stored: to the microsecond).
            Assert.Equal(respondBy.ToUnixTimeMilliseconds(), followed.GetProperty("case").GetProperty("respondBy").GetDateTimeOffset().ToUnixTimeMilliseconds());
        }

        var officer = await OfficerAsync("intake");
        var cases = await CasesAsync(officer, village);
        var joined = Assert.Single(cases);
        Assert.Equal(2, joined.GetProperty("reportCount").GetInt32());
        var caseId = joined.GetProperty("caseId").GetGuid();
        var view = await Steps.GetAsync(officer, $"/api/clarifications/cases/{caseId}");
        Assert.Equal(new[] { first.GetProperty("number").GetString()!, second.GetProperty("number").GetString()! },
            view.GetProperty("reports").EnumerateArray().Select(r => r.GetString()!).ToArray());

        // Under 8 words: only ever suggested, so it opens a case that names the open one.
        var brief = await SubmitAsync($"Kotak suara {village} dibuka {w1} {w2}");
        cases = await CasesAsync(officer, village);
        Assert.Equal(2, cases.Count);
        var named = cases.Single(c => c.GetProperty("caseId").GetGuid() != caseId);
        Assert.Equal(caseId, named.GetProperty("similarCaseId").GetGuid());
        var similar = (await Steps.GetAsync(officer, $"/api/clarifications/cases/{named.GetProperty("caseId").GetGuid()}")).GetProperty("similar");
        Assert.Equal(caseId, similar.GetProperty("caseId").GetGuid());
        Assert.InRange(similar.GetProperty("score").GetDouble(), 0.25, 1);

        // An officer groups them with the existing merge.
        var etag = long.Parse((await officer.GetAsync($"/api/clarifications/cases/{caseId}")).Headers.ETag!.Tag.Trim('"'));
        var merged = await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/clarifications/cases/{caseId}/reports",
            new { reportNumber = brief.GetProperty("number").GetString() }, etag));
        Assert.Equal("open", merged.GetProperty("status").GetString());

        // Open cases are citizens' reports: the public matches never show them.
        using var anyone = await Gateway.ClientAsync();
        var matches = await Steps.GetAsync(anyone, "/api/clarifications/matches?text=" + Uri.EscapeDataString(retold));
        Assert.DoesNotContain(matches.GetProperty("matches").EnumerateArray(), m => m.GetProperty("number").GetString()!.StartsWith("case:"));
        Assert.DoesNotContain(village, matches.GetRawText());
    }

    [Fact]
    public async Task The_case_list_comes_a_page_at_a_time_from_the_database_and_says_where_it_goes_on()
    {
        var village = Village();
        var claims = Enumerable.Range(1, 3).Select(i => $"Spanduk {village} nomor {i} dicopot").ToList();
        foreach (var claim in claims) await SubmitAsync(claim);
        var officer = await OfficerAsync("paging");

        var seen = new List<Guid>();
        string? next = $"/api/clarifications/cases?unitId={Unit}&limit=1";
        for (var pages = 0; pages < 3; pages++)
        {
            var response = await officer.GetAsync(next);
            var page = await Steps.OkAsync(response);
            var cases = page.GetProperty("cases").EnumerateArray().ToList();
            Assert.Single(cases);
            seen.Add(cases[0].GetProperty("caseId").GetGuid());
            next = page.TryGetProperty("next", out var link) ? link.GetString() : null; // null fields are left out
            if (pages == 2) break; // the unit may have no case older than these three
            Assert.NotNull(next);
            Assert.Equal($"<{next}>; rel=\"next\"", response.Headers.GetValues("Link").Single());
            Assert.Contains("limit=1", next);
        }
        // Newest first: the three reports just made, each once.
        Assert.Equal(3, seen.Distinct().Count());
        var mine = await CasesAsync(officer, village);
        Assert.Equal(mine.Select(c => c.GetProperty("caseId").GetGuid()), seen);

        var last = await Steps.GetAsync(officer, $"/api/clarifications/cases?unitId=kpu-33.10&limit={1000}&status=merged");
        Assert.True(last.GetProperty("cases").GetArrayLength() < 1000);
        Assert.False(last.TryGetProperty("next", out _));
        Assert.DoesNotContain("cursor=", last.GetRawText());

        await Problems.AssertFieldAsync(await officer.GetAsync($"/api/clarifications/cases?unitId={Unit}&limit=0"), "limit", "field.out-of-range");
        await Problems.AssertFieldAsync(await officer.GetAsync($"/api/clarifications/cases?unitId={Unit}&cursor=not-a-cursor"), "cursor", "field.invalid");
    }

    [Fact]
    public async Task A_screenshot_with_an_exif_gps_position_is_stored_without_it_and_its_checksum_is_that_of_the_stored_bytes()
    {
        var received = await SubmitAsync($"Foto kotak suara {Village()} dibawa kabur");
        var number = received.GetProperty("number").GetString()!;
        var code = received.GetProperty("accessCode").GetString()!;
        using var citizen = await Gateway.ClientAsync();
        var original = TestImages.JpegWithGps();
        var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/clarifications/reports/{number}/screenshots") { Content = new ByteArrayContent(original) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Headers.Add("X-Access-Code", code);
        var attached = await Steps.OkAsync(await citizen.SendAsync(upload));

        // The report lists its screenshot, where it is fetched.
        var follow = new HttpRequestMessage(HttpMethod.Get, $"/api/clarifications/reports/{number}");
        follow.Headers.Add("X-Access-Code", code);
        var listed = (await Steps.OkAsync(await citizen.SendAsync(follow))).GetProperty("screenshots").EnumerateArray().Single();
        Assert.Equal(attached.GetProperty("url").GetString(), listed.GetProperty("url").GetString());
        Assert.Equal("image/jpeg", listed.GetProperty("mediaType").GetString());

        var fetch = new HttpRequestMessage(HttpMethod.Get, attached.GetProperty("url").GetString());
        fetch.Headers.Add("X-Access-Code", code);
        var fetched = await citizen.SendAsync(fetch);
        var stored = await fetched.Content.ReadAsByteArrayAsync();
        Assert.True(stored.Length < original.Length);
        Assert.Equal(stored.Length, attached.GetProperty("size").GetInt32());
        var sha = Convert.ToHexStringLower(SHA256.HashData(stored));
        Assert.Equal(sha, attached.GetProperty("sha256").GetString());
        Assert.Equal(sha, fetched.Headers.GetValues("Digest-SHA256").Single());
        Assert.True(stored.AsSpan().IndexOf("Exif\0\0"u8) < 0);
        Assert.True(stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestImages.Secret)) < 0);
        Assert.Equal([0xFF, 0xD8], stored[..2]);
        Assert.Equal([0xFF, 0xD9], stored[^2..]);

        // The database holds the same bytes under the same checksum.
        await using var db = await Databases.OpenAsync("clarifications");
        await using var check = new Npgsql.NpgsqlCommand("""
            SELECT s.sha256 = encode(sha256(s.content), 'hex') AND s.size = length(s.content) AND s.sha256 = @sha
            FROM clarification_screenshots s JOIN clarification_reports r USING (report_id) WHERE r.number = @n
            """, db);
        check.Parameters.AddWithValue("n", number);
        check.Parameters.AddWithValue("sha", sha);
        Assert.True((bool)(await check.ExecuteScalarAsync())!);

        // A JPEG cut short cannot be walked to its end: refused, naming the field.
        var damaged = new HttpRequestMessage(HttpMethod.Post, $"/api/clarifications/reports/{number}/screenshots") { Content = new ByteArrayContent(original[..40]) };
        damaged.Headers.Add("X-Access-Code", code);
        await Problems.AssertFieldAsync(await citizen.SendAsync(damaged), "screenshot", "clarification.screenshot.damaged");
    }
}
