using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.MediaRelations;

/// <summary>Press releases through the gateway: the workflow with four eyes, the embargo lifting by itself, and bad input.</summary>
public sealed class PressReleaseTests
{
    private const string Unit = "kpu-33";

    public static object Valid(string unit = Unit, string headline = "KPU Jawa Tengah menetapkan daftar pemilih tetap") => new
    {
        unitId = unit,
        headline,
        summary = "Rapat pleno terbuka menetapkan DPT.",
        body = "Rapat pleno **terbuka** digelar di Semarang.\n\n<script>alert(1)</script>",
        language = "id",
        subjects = new[] { "daftar-pemilih", "pemilu" },
        place = "Semarang",
        contactName = "Bagian Humas",
        contactRole = "Kepala Subbagian Humas",
        contactPhone = "+62 24 8311111",
    };

    private static async Task<HttpClient> OfficerAsync(string name, string unit = Unit) =>
        await Gateway.ClientAsync(await Gateway.TokenAsync($"{name}-{Guid.NewGuid():N}", "humas-officer", unit));

    /// <summary>Drafts, submits and has a second officer approve a release; answers its id and version.</summary>
    public static async Task<(Guid Id, long Version, HttpClient Author, HttpClient Reviewer)> ApprovedAsync(string headline = "Siaran pers", string unit = Unit)
    {
        var author = await OfficerAsync("author", unit);
        var reviewer = await OfficerAsync("reviewer", unit);
        var created = await author.PostAsJsonAsync("/api/media/releases", Valid(unit, headline));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("releaseId").GetGuid();
        await Steps.OkAsync(await Steps.PostAsync(author, $"/api/media/releases/{id}/submit", new { }, 1));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/approve", new { }, 2));
        return (id, 3, author, reviewer);
    }

    [Fact]
    public async Task A_release_goes_from_draft_through_review_to_public_and_its_author_cannot_approve_it()
    {
        var author = await OfficerAsync("author");
        var reviewer = await OfficerAsync("reviewer");
        using var anyone = await Gateway.ClientAsync();

        var created = await author.PostAsJsonAsync("/api/media/releases", Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("releaseId").GetGuid();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.DoesNotContain("<script", draft.GetProperty("bodyHtml").GetString());
        Assert.Contains("<strong>terbuka</strong>", draft.GetProperty("bodyHtml").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{id}")).StatusCode);

        await Steps.OkAsync(await Steps.PostAsync(author, $"/api/media/releases/{id}/submit", new { }, 1));
        var own = await Steps.PostAsync(author, $"/api/media/releases/{id}/approve", new { }, 2);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("release.four-eyes", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/approve", new { }, 2));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{id}")).StatusCode);
        var published = await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, 3));
        Assert.Equal("published", published.GetProperty("status").GetString());

        var seen = await Steps.GetAsync(anyone, $"/api/media/releases/{id}");
        Assert.Equal("usable", seen.GetProperty("pubStatus").GetString());
        Assert.Equal(1, seen.GetProperty("version").GetInt32());
        Assert.False(seen.TryGetProperty("author", out _), "the public answer names no account");
    }

    [Fact]
    public async Task An_embargoed_release_is_hidden_from_the_public_until_its_time_then_public_with_no_one_acting()
    {
        var (id, version, _, reviewer) = await ApprovedAsync("Embargo");
        using var anyone = await Gateway.ClientAsync();
        var journalist = await Gateway.ClientAsync(await Gateway.TokenAsync($"journalist-{Guid.NewGuid():N}", "journalist", null));
        var until = DateTimeOffset.UtcNow.AddSeconds(6);

        var published = await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { embargoUntil = until }, version));
        Assert.False(published.GetProperty("public").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await journalist.GetAsync($"/api/media/releases/{id}")).StatusCode);

        await Gateway.EventuallyAsync(async () => (await anyone.GetAsync($"/api/media/releases/{id}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the embargo to be lifted by the service");
        Assert.True(DateTimeOffset.UtcNow >= until.AddMilliseconds(-500), "public before its embargo time");
        var seen = await Steps.GetAsync(anyone, $"/api/media/releases/{id}");
        Assert.Equal("Embargo", seen.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task A_correction_is_a_new_version_with_its_history_and_a_withdrawal_keeps_the_address_answering()
    {
        var (id, version, _, reviewer) = await ApprovedAsync("Versi pertama");
        using var anyone = await Gateway.ClientAsync();
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, version));

        var correction = JsonSerializer.SerializeToNode(Valid(headline: "Versi kedua"))!.AsObject();
        correction.Remove("unitId");
        correction["correctionNote"] = "Tanggal rapat diperbaiki.";
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/correct", correction, version + 1));
        var seen = await Steps.GetAsync(anyone, $"/api/media/releases/{id}");
        Assert.Equal(2, seen.GetProperty("version").GetInt32());
        Assert.Equal("Versi kedua", seen.GetProperty("headline").GetString());
        Assert.Equal("Tanggal rapat diperbaiki.", seen.GetProperty("correctionNote").GetString());
        var history = await Steps.GetAsync(anyone, $"/api/media/releases/{id}/versions");
        Assert.Equal(["Versi pertama", "Versi kedua"], history.EnumerateArray().Select(v => v.GetProperty("headline").GetString()));

        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/withdraw", new { notice = "Siaran pers ini ditarik." }, version + 2));
        var withdrawn = await Steps.GetAsync(anyone, $"/api/media/releases/{id}");
        Assert.Equal("canceled", withdrawn.GetProperty("pubStatus").GetString());
        Assert.Equal("Siaran pers ini ditarik.", withdrawn.GetProperty("withdrawalNotice").GetString());
        Assert.Equal("", withdrawn.GetProperty("bodyHtml").GetString());
    }

    [Fact]
    public async Task Missing_and_unknown_fields_are_a_400_problem_naming_each_field_and_store_nothing()
    {
        var author = await OfficerAsync("author");
        var before = await ReleaseEventCountAsync();
        var response = await author.PostAsync("/api/media/releases", new StringContent(
            """{"unitId":"kpu-33","language":"fr","subjects":["sepak-bola"],"contactEmail":"bukan-email"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "headline", "summary", "body", "language", "subjects", "place", "contactName", "contactRole", "contactEmail" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        Assert.Equal(before, await ReleaseEventCountAsync());
    }

    [Fact]
    public async Task Only_humas_officers_of_the_unit_or_above_draft_its_releases()
    {
        var before = await ReleaseEventCountAsync();
        var otherProvince = await OfficerAsync("other", "kpu-35");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherProvince.PostAsJsonAsync("/api/media/releases", Valid())).StatusCode);
        var journalist = await Gateway.ClientAsync(await Gateway.TokenAsync($"journalist-{Guid.NewGuid():N}", "journalist", null));
        Assert.Equal(HttpStatusCode.Forbidden, (await journalist.PostAsJsonAsync("/api/media/releases", Valid())).StatusCode);
        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync("/api/media/releases", Valid())).StatusCode);
        Assert.Equal(before, await ReleaseEventCountAsync());
    }

    private static async Task<long> ReleaseEventCountAsync()
    {
        await using var db = await Databases.OpenAsync("mediarelations");
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM events e JOIN streams s ON s.id = e.stream_id WHERE s.type = 'press-release'", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
