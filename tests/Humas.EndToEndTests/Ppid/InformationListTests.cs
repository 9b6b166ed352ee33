using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>A unit's list of public information (DIP): officers keep it, anyone reads it, exempt entries show their ground.</summary>
public sealed class InformationListTests
{
    private const string List = "/api/ppid/information-list";

    private static object Berkala(string unitId, string title) => new
    {
        unitId, title, summary = "Realisasi anggaran tahun berjalan", category = "berkala",
        responsibleOfficial = "Subbagian Keuangan, Umum dan Logistik", formats = new[] { "softcopy", "hardcopy" }, retentionPeriod = "5 tahun", year = 2025,
    };

    private static object Exempt(string unitId, string title) => new
    {
        unitId, title, summary = "Fotokopi KTP para calon anggota PPK", category = "dikecualikan",
        responsibleOfficial = "Subbagian Teknis Penyelenggaraan Pemilu", formats = new[] { "hardcopy" }, retentionPeriod = "Selama masa jabatan", year = 2025,
        exemptionClause = "h", consequenceTest = "Membuka dokumen mengungkap data pribadi; kerugiannya lebih besar daripada manfaatnya.",
    };

    [Fact]
    public async Task An_officer_drafts_and_publishes_a_berkala_entry_and_anyone_then_finds_it_in_its_category()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await OfficerAsync(unit);
        using var anonymous = await Gateway.ClientAsync();
        var title = $"Laporan keuangan {Guid.NewGuid():N}";

        var drafted = await officer.PostAsJsonAsync(List, Berkala(unit, title));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal("\"1\"", drafted.Headers.ETag?.Tag);
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetString()!;
        Assert.Equal($"{List}/{id}", drafted.Headers.Location?.OriginalString);
        Assert.DoesNotContain(await ListAsync(anonymous, unit, "berkala"), e => e.GetProperty("entryId").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{List}/{id}")).StatusCode);

        var published = await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/publish", "\"1\"", new { url = "https://jdih.kpu.go.id/laporan.pdf" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("\"2\"", published.Headers.ETag?.Tag);

        var entry = Assert.Single(await ListAsync(anonymous, unit, "berkala"), e => e.GetProperty("entryId").GetString() == id);
        Assert.Equal(title, entry.GetProperty("title").GetString());
        Assert.Equal("https://jdih.kpu.go.id/laporan.pdf", entry.GetProperty("url").GetString());
        Assert.EndsWith("+07:00", entry.GetProperty("publishedAt").GetString()); // Jawa Tengah keeps WIB
        Assert.False(entry.TryGetProperty("exemption", out _));
        Assert.Equal(["softcopy", "hardcopy"], entry.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain(await ListAsync(anonymous, unit, "setiap-saat"), e => e.GetProperty("entryId").GetString() == id);
        Assert.Contains(await ListAsync(anonymous, unit, null), e => e.GetProperty("entryId").GetString() == id);

        var again = await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/publish", "\"2\"", new { });
        await AssertProblemAsync(again, HttpStatusCode.Conflict, p => Assert.Equal("entry.already-published", p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task An_exempt_entry_is_not_published_but_recorded_and_listed_with_its_ground_and_consequence_test()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await OfficerAsync(unit);
        using var anonymous = await Gateway.ClientAsync();
        var id = await DraftAsync(officer, Exempt(unit, "Salinan KTP calon anggota PPK"));

        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/publish", "\"1\"", new { }), HttpStatusCode.Conflict,
            p => Assert.Equal("entry.exempt-not-publishable", p.GetProperty("code").GetString()));
        var recorded = await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/record-exemption", "\"1\"", null);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal("recorded-as-exempt", (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var entry = Assert.Single(await ListAsync(anonymous, unit, "dikecualikan"), e => e.GetProperty("entryId").GetString() == id);
        var exemption = entry.GetProperty("exemption");
        Assert.Equal("h", exemption.GetProperty("clause").GetString());
        Assert.Equal("UU 14/2008 Pasal 17 huruf h", exemption.GetProperty("legalBasis").GetString());
        Assert.StartsWith("Membuka dokumen", exemption.GetProperty("consequenceTest").GetString());
        Assert.False(entry.TryGetProperty("url", out _));
        Assert.False(entry.TryGetProperty("publishedAt", out _));
        Assert.True(entry.TryGetProperty("recordedAt", out _));
        Assert.DoesNotContain(await ListAsync(anonymous, unit, "berkala"), e => e.GetProperty("entryId").GetString() == id);
    }

    [Fact]
    public async Task Changes_need_If_Match_428_without_it_412_when_stale_and_the_version_moves_on_success()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await OfficerAsync(unit);
        var id = await DraftAsync(officer, Berkala(unit, "Rencana strategis"));
        var revision = Berkala(unit, "Rencana strategis 2025-2029");

        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{List}/{id}", null, revision), (HttpStatusCode)428, _ => { });
        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{List}/{id}", "\"7\"", revision), HttpStatusCode.PreconditionFailed, _ => { });
        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/withdraw", "W/\"1\"", new { reason = "x" }), HttpStatusCode.PreconditionFailed, _ => { });

        var revised = await SendAsync(officer, HttpMethod.Put, $"{List}/{id}", "\"1\"", revision);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("\"2\"", revised.Headers.ETag?.Tag);
        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{List}/{id}", "\"1\"", revision), HttpStatusCode.PreconditionFailed, _ => { });

        var read = await officer.GetAsync($"{List}/{id}");
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
        Assert.Equal("Rencana strategis 2025-2029", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_withdrawn_entry_leaves_the_public_list_and_can_no_longer_be_revised()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await OfficerAsync(unit);
        using var anonymous = await Gateway.ClientAsync();
        var id = await DraftAsync(officer, Berkala(unit, "Daftar aset"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/publish", "\"1\"", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{List}/{id}")).StatusCode);

        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/withdraw", "\"2\"", new { reason = "" }), HttpStatusCode.BadRequest,
            p => Assert.True(p.GetProperty("errors").TryGetProperty("reason", out _)));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, HttpMethod.Post, $"{List}/{id}/withdraw", "\"2\"", new { reason = "Diganti versi revisi" })).StatusCode);

        Assert.DoesNotContain(await ListAsync(anonymous, unit, "berkala"), e => e.GetProperty("entryId").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{List}/{id}")).StatusCode);
        Assert.Equal("withdrawn", (await officer.GetFromJsonAsync<JsonElement>($"{List}/{id}")).GetProperty("status").GetString());
        await AssertProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{List}/{id}", "\"3\"", Berkala(unit, "Daftar aset baru")), HttpStatusCode.Conflict,
            p => Assert.Equal("entry.withdrawn", p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Only_officers_of_the_unit_or_above_keep_its_list()
    {
        var unit = "kpu-33.21";
        using var anonymous = await Gateway.ClientAsync();
        await AssertProblemAsync(await anonymous.PostAsJsonAsync(List, Berkala(unit, "x")), HttpStatusCode.Unauthorized, _ => { });
        using var citizen = await Gateway.ClientAsync(await Gateway.TokenAsync("citizen-dip", "citizen", null));
        await AssertProblemAsync(await citizen.PostAsJsonAsync(List, Berkala(unit, "x")), HttpStatusCode.Forbidden, _ => { });
        using var kudus = await OfficerAsync("kpu-33.19");
        await AssertProblemAsync(await kudus.PostAsJsonAsync(List, Berkala(unit, "x")), HttpStatusCode.Forbidden, _ => { });

        using var provincial = await OfficerAsync("kpu-33");
        var id = await DraftAsync(provincial, Berkala(unit, "Profil KPU Kabupaten Demak"));
        await AssertProblemAsync(await SendAsync(kudus, HttpMethod.Post, $"{List}/{id}/publish", "\"1\"", null), HttpStatusCode.Forbidden, _ => { });
        Assert.Equal(HttpStatusCode.NotFound, (await kudus.GetAsync($"{List}/{id}")).StatusCode);
        using var demak = await OfficerAsync(unit);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(demak, HttpMethod.Post, $"{List}/{id}/publish", "\"1\"", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_validation_problem_naming_the_fields()
    {
        using var officer = await OfficerAsync("kpu-33.21");
        await AssertProblemAsync(await officer.PostAsJsonAsync(List, new { unitId = "kpu-33.21", category = "dikecualikan" }), HttpStatusCode.BadRequest, p =>
        {
            var errors = p.GetProperty("errors");
            foreach (var field in new[] { "title", "summary", "responsibleOfficial", "formats", "retentionPeriod", "year", "exemptionClause", "consequenceTest" })
                Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
            Assert.False(errors.TryGetProperty("unitId", out _));
        });
        await AssertProblemAsync(await officer.PostAsJsonAsync(List, new { unitId = "kpu-33.21", category = "rahasia" }), HttpStatusCode.BadRequest,
            p => Assert.Contains("category", p.GetProperty("detail").GetString()));

        using var anonymous = await Gateway.ClientAsync();
        await AssertProblemAsync(await anonymous.GetAsync(List), HttpStatusCode.BadRequest, p => Assert.True(p.GetProperty("errors").TryGetProperty("unitId", out _)));
        await AssertProblemAsync(await anonymous.GetAsync($"{List}?unitId=kpu-33.21&category=rahasia"), HttpStatusCode.BadRequest,
            p => Assert.True(p.GetProperty("errors").TryGetProperty("category", out _)));
        await AssertProblemAsync(await anonymous.GetAsync($"{List}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, _ => { });
    }

    [Fact]
    public async Task Officers_list_every_entry_of_their_unit_in_every_state_by_category_and_state_and_others_are_refused()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await OfficerAsync(unit);
        var draft = await DraftAsync(officer, Berkala(unit, "Rencana strategis"));
        var withdrawn = await DraftAsync(officer, Berkala(unit, "Daftar inventaris lama"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, HttpMethod.Post, $"{List}/{withdrawn}/withdraw", "\"1\"", new { reason = "Tidak dipakai" })).StatusCode);
        var exempt = await DraftAsync(officer, Exempt(unit, "Salinan KTP anggota PPS"));

        // The unit may hold entries of earlier runs: each filter holds ours and only what it names.
        var all = await UnitListAsync(officer, $"unitId={unit}&limit=1000");
        var stateOf = all.ToDictionary(e => e.GetProperty("entryId").GetString()!, e => e.GetProperty("status").GetString());
        Assert.Equal("draft", stateOf[draft]);
        Assert.Equal("withdrawn", stateOf[withdrawn]);
        Assert.Equal("draft", stateOf[exempt]);
        Assert.Equal(2, all.Single(e => e.GetProperty("entryId").GetString() == withdrawn).GetProperty("version").GetInt64());
        var exemptOnly = await UnitListAsync(officer, $"unitId={unit}&category=dikecualikan&limit=1000");
        Assert.Contains(exemptOnly, e => e.GetProperty("entryId").GetString() == exempt);
        Assert.All(exemptOnly, e => Assert.Equal("dikecualikan", e.GetProperty("category").GetString()));
        var withdrawnOnly = await UnitListAsync(officer, $"unitId={unit}&status=withdrawn&limit=1000");
        Assert.Contains(withdrawnOnly, e => e.GetProperty("entryId").GetString() == withdrawn);
        Assert.All(withdrawnOnly, e => Assert.Equal("withdrawn", e.GetProperty("status").GetString()));
        var berkalaDrafts = await UnitListAsync(officer, $"unitId={unit}&category=berkala&status=draft&limit=1000");
        Assert.Contains(berkalaDrafts, e => e.GetProperty("entryId").GetString() == draft);
        Assert.DoesNotContain(berkalaDrafts, e => e.GetProperty("entryId").GetString() == withdrawn || e.GetProperty("entryId").GetString() == exempt);

        await AssertProblemAsync(await officer.GetAsync($"{List}/all?unitId={unit}&status=hidden"), HttpStatusCode.BadRequest,
            p => Assert.True(p.GetProperty("errors").TryGetProperty("status", out _)));
        using var other = await OfficerAsync(unit == "kpu-33.19" ? "kpu-33.21" : "kpu-33.19");
        await AssertProblemAsync(await other.GetAsync($"{List}/all?unitId={unit}"), HttpStatusCode.Forbidden, _ => { });
        using var anonymous = await Gateway.ClientAsync();
        await AssertProblemAsync(await anonymous.GetAsync($"{List}/all?unitId={unit}"), HttpStatusCode.Unauthorized, _ => { });
    }

    private static async Task<List<JsonElement>> UnitListAsync(HttpClient officer, string query)
    {
        var response = await officer.GetAsync($"{List}/all?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<HttpClient> OfficerAsync(string unit) => await Gateway.ClientAsync(await Gateway.TokenAsync($"officer-{unit}", "ppid-officer", unit));

    private static async Task<string> DraftAsync(HttpClient officer, object body)
    {
        var response = await officer.PostAsJsonAsync(List, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entryId").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        if (body is not null) request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string unit, string? category)
    {
        var response = await client.GetAsync(category is null ? $"{List}?unitId={unit}" : $"{List}?unitId={unit}&category={category}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, Action<JsonElement> inspect)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        inspect(problem);
    }
}
