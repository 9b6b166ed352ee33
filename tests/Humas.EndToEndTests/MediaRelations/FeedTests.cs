using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.MediaRelations;

/// <summary>
/// The four feeds through the gateway, each read by a parser outside .NET (Python: the standard
/// library's XML parser for RSS and Atom, jsonschema against the IPTC ninjs 2.2 schema), with
/// conditional requests, roll-up from a regency to its province, and no personal data.
/// </summary>
public sealed class FeedTests
{
    private const string Regency = "kpu-33.74";

    [Fact]
    public async Task A_published_release_is_in_every_feed_of_its_unit_and_province_read_by_independent_parsers_without_personal_data()
    {
        var headline = $"Feed {Guid.NewGuid():N}";
        var (id, version, _, reviewer) = await PressReleaseTests.ApprovedAsync(headline, Regency);
        using var anyone = await Gateway.ClientAsync();

        foreach (var format in new[] { "atom", "rss", "json", "ninjs" })
            Assert.DoesNotContain(headline, await anyone.GetStringAsync($"/api/media/feeds/{format}?unitId={Regency}"));

        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, version));

        foreach (var format in new[] { "atom", "rss", "json", "ninjs" })
        {
            var response = await anyone.GetAsync($"/api/media/feeds/{format}?unitId={Regency}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            var text = System.Text.Encoding.UTF8.GetString(body);
            Assert.DoesNotContain("8311111", text);
            Assert.DoesNotContain("Kepala Subbagian Humas", text);
            var items = await ParseAsync(format, body);
            Assert.Contains(items.EnumerateArray(), i => i.GetProperty("title").GetString()!.Contains(headline) && i.GetProperty("id").GetString()!.EndsWith(id.ToString()));
        }
        var province = await ParseAsync("atom", await anyone.GetByteArrayAsync("/api/media/feeds/atom?unitId=kpu-33"));
        Assert.Contains(province.EnumerateArray(), i => i.GetProperty("title").GetString() == headline);
        var other = await ParseAsync("atom", await anyone.GetByteArrayAsync("/api/media/feeds/atom?unitId=kpu-35"));
        Assert.DoesNotContain(other.EnumerateArray(), i => i.GetProperty("title").GetString() == headline);
        var bySubject = await ParseAsync("json", await anyone.GetByteArrayAsync("/api/media/feeds/json?subject=daftar-pemilih"));
        Assert.Contains(bySubject.EnumerateArray(), i => i.GetProperty("title").GetString() == headline);
        var byOtherSubject = await ParseAsync("json", await anyone.GetByteArrayAsync("/api/media/feeds/json?subject=sengketa"));
        Assert.DoesNotContain(byOtherSubject.EnumerateArray(), i => i.GetProperty("title").GetString() == headline);

        var single = await ParseAsync("ninjs", await anyone.GetByteArrayAsync($"/api/media/releases/{id}/ninjs"));
        Assert.Equal("1", single[0].GetProperty("version").GetString());
        Assert.Equal("usable", single[0].GetProperty("pubstatus").GetString());
    }

    [Fact]
    public async Task A_feed_answers_304_to_its_tag_until_a_correction_or_withdrawal_changes_it()
    {
        var headline = $"Etag {Guid.NewGuid():N}";
        var (id, version, _, reviewer) = await PressReleaseTests.ApprovedAsync(headline, Regency);
        using var anyone = await Gateway.ClientAsync();
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, version));

        var first = await anyone.GetAsync($"/api/media/feeds/ninjs?unitId={Regency}");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(anyone, $"/api/media/feeds/ninjs?unitId={Regency}", etag)).StatusCode);

        var correction = JsonSerializer.SerializeToNode(PressReleaseTests.Valid(Regency, headline + " (koreksi)"))!.AsObject();
        correction.Remove("unitId");
        correction["correctionNote"] = "Judul diperbaiki.";
        correction["body"] = "Rapat pleno **tertutup** digelar di Semarang.\n\n<img src=x onerror=alert(1)>";
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/correct", correction, version + 1));

        var afterCorrection = await Conditional(anyone, $"/api/media/feeds/ninjs?unitId={Regency}", etag);
        Assert.Equal(HttpStatusCode.OK, afterCorrection.StatusCode);
        var items = await ParseAsync("ninjs", await afterCorrection.Content.ReadAsByteArrayAsync());
        var item = items.EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith(id.ToString()));
        Assert.Equal("2", item.GetProperty("version").GetString());
        Assert.Equal(headline + " (koreksi)", item.GetProperty("title").GetString());
        // The body the feeds serve is the one stored when the correction was written: the corrected version's, sanitised,
        // and the same as the release's own page renders from its Markdown.
        var raw = JsonDocument.Parse(await afterCorrection.Content.ReadAsByteArrayAsync()).RootElement.EnumerateArray()
            .Single(i => i.GetProperty("uri").GetString()!.EndsWith(id.ToString(), StringComparison.Ordinal));
        var body = raw.GetProperty("bodies")[0].GetProperty("value").GetString()!;
        Assert.Contains("<strong>tertutup</strong>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.Equal((await Steps.GetAsync(anyone, $"/api/media/releases/{id}")).GetProperty("bodyHtml").GetString(), body);
        await using (var db = await Databases.OpenAsync("mediarelations"))
        {
            await using var stored = new Npgsql.NpgsqlCommand("SELECT body_html FROM press_release_feed WHERE release_id = @id", db);
            stored.Parameters.AddWithValue("id", id);
            Assert.Equal(body, await stored.ExecuteScalarAsync());
        }
        var atom = await anyone.GetByteArrayAsync($"/api/media/feeds/atom?unitId={Regency}");
        await ParseAsync("atom", atom);
        Assert.Contains(System.Xml.Linq.XDocument.Load(new MemoryStream(atom)).Descendants(System.Xml.Linq.XName.Get("content", "http://www.w3.org/2005/Atom")),
            content => content.Value == body);

        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/withdraw", new { notice = "Ditarik." }, version + 2));
        var afterWithdrawal = await ParseAsync("ninjs", await anyone.GetByteArrayAsync($"/api/media/feeds/ninjs?unitId={Regency}"));
        Assert.Equal("canceled", afterWithdrawal.EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith(id.ToString())).GetProperty("pubstatus").GetString());
    }

    [Fact]
    public async Task An_embargoed_release_is_in_no_feed_before_its_time()
    {
        var headline = $"Embargo feed {Guid.NewGuid():N}";
        var (id, version, _, reviewer) = await PressReleaseTests.ApprovedAsync(headline, Regency);
        using var anyone = await Gateway.ClientAsync();
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { embargoUntil = DateTimeOffset.UtcNow.AddHours(1) }, version));
        foreach (var format in new[] { "atom", "rss", "json", "ninjs" })
            Assert.DoesNotContain(headline, await anyone.GetStringAsync($"/api/media/feeds/{format}?unitId={Regency}"));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{id}/ninjs")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_unit_or_subject_is_a_400_problem_naming_it()
    {
        using var anyone = await Gateway.ClientAsync();
        foreach (var (path, field) in new[] { ("/api/media/feeds/xml", "format"), ("/api/media/feeds/atom?unitId=kpu-99", "unitId"), ("/api/media/feeds/rss?subject=sepak-bola", "subject") })
        {
            var response = await anyone.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), path);
        }
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    /// <summary>Runs tests/Humas.EndToEndTests/MediaRelations/check_feed.py on the body; fails with its message when the body does not pass.</summary>
    internal static async Task<JsonElement> ParseAsync(string format, byte[] body)
    {
        var directory = Path.Combine(HumasControl.RepositoryRoot(), "tests", "Humas.EndToEndTests", "MediaRelations");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, "check_feed.py"));
        start.ArgumentList.Add(format);
        start.ArgumentList.Add(Path.Combine(directory, "ninjs", "ninjs-schema_2.2.json"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start (install python3 and python3-jsonschema)");
        await process.StandardInput.BaseStream.WriteAsync(body);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{format} feed rejected by the independent parser: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
