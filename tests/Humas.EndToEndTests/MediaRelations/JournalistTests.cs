using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.MediaRelations;

/// <summary>
/// Journalists through the gateway: registration with sealed personal data, accreditation by the
/// unit's humas officers, a personal token for the embargoed channel, and revocation. Neither the
/// public nor a journalist without a valid token ever sees an embargoed release.
/// </summary>
public sealed class JournalistTests
{
    private const string Unit = "kpu-33";

    public static object Registration(string email, string unit = Unit) => new
    {
        unitId = unit,
        fullName = "Rina Wartawati",
        outlet = "Suara Semarang",
        email,
        pressCardNumber = "PWI-33-0001",
        dewanPersStatus = "factually-verified",
    };

    private static async Task<HttpClient> JournalistAccountAsync() =>
        await Gateway.ClientAsync(await Gateway.TokenAsync($"journalist-{Guid.NewGuid():N}", "journalist", null));

    /// <summary>Registers a journalist, has an officer of the unit accredit them and the journalist take a token.</summary>
    public static async Task<(Guid Id, string Token, HttpClient Account)> AccreditedAsync(HttpClient officer, string unit = Unit)
    {
        var account = await JournalistAccountAsync();
        var created = await account.PostAsJsonAsync("/api/media/journalists", Registration($"j{Guid.NewGuid():N}@example.org", unit));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("journalistId").GetGuid();
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{id}/accredit", new { }, 1));
        var issued = await Steps.OkAsync(await Steps.PostAsync(account, $"/api/media/journalists/{id}/token", new { }, 2));
        return (id, issued.GetProperty("token").GetString()!, account);
    }

    private static async Task<HttpResponseMessage> EmbargoedAsync(HttpClient client, string? token, Guid? releaseId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, releaseId is null ? "/api/media/embargoed" : $"/api/media/embargoed/{releaseId}");
        if (token is not null) request.Headers.Add("X-Journalist-Token", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task An_accredited_journalist_sees_an_embargoed_release_marked_and_loses_it_on_revocation_while_the_public_never_sees_it()
    {
        var officer = await Steps.AsAsync("humas-officer", Unit);
        var (journalistId, token, _) = await AccreditedAsync(officer);
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync("Embargo untuk wartawan");
        var until = DateTimeOffset.UtcNow.AddHours(2);
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { embargoUntil = until }, version));
        using var anyone = await Gateway.ClientAsync();

        var response = await EmbargoedAsync(anyone, token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var items = await FeedTests.ParseAsync("ninjs", await response.Content.ReadAsByteArrayAsync());
        var item = items.EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith(releaseId.ToString(), StringComparison.Ordinal));
        Assert.Equal(until.ToUnixTimeSeconds(), DateTimeOffset.Parse(item.GetProperty("embargoed").GetString()!).ToUnixTimeSeconds());

        // The public, a journalist without a token, an unknown token, an officer's token of another province: nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await EmbargoedAsync(anyone, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(anyone, "ABCDEFGHJKMNPQRSTUVWXYZ234567892")).StatusCode);
        await AssertHiddenFromThePublicAsync(anyone, releaseId);
        var notAccredited = await JournalistAccountAsync();
        var registered = await notAccredited.PostAsJsonAsync("/api/media/journalists", Registration($"n{Guid.NewGuid():N}@example.org"));
        var pendingId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("journalistId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await Steps.PostAsync(notAccredited, $"/api/media/journalists/{pendingId}/token", new { }, 1)).StatusCode);
        var otherProvince = await Steps.AsAsync("humas-officer", "kpu-35");
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(otherProvince, $"/api/media/journalists/{pendingId}/accredit", new { }, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(notAccredited, $"/api/media/journalists/{journalistId}/token", new { }, 3)).StatusCode);

        // Revoked: the same token opens nothing, and the release is still not public.
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{journalistId}/revoke", new { reason = "Melanggar embargo" }, 3));
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(anyone, token)).StatusCode);
        await AssertHiddenFromThePublicAsync(anyone, releaseId);
    }

    [Fact]
    public async Task A_journalist_account_accredited_with_a_unit_opens_the_channel_without_a_token_and_an_account_accredited_nowhere_is_refused()
    {
        var officer = await Steps.AsAsync("humas-officer", Unit);
        var (_, _, account) = await AccreditedAsync(officer);
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync("Embargo untuk akun wartawan");
        // Written as an office in WIB writes it: the offset is kept apart from the instant.
        var until = DateTimeOffset.UtcNow.AddHours(2).ToOffset(TimeSpan.FromHours(7));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { embargoUntil = until }, version));

        // The account's own bearer token (the portal's session), no X-Journalist-Token.
        var listed = await EmbargoedAsync(account, null);
        Assert.True(listed.StatusCode == HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        var items = await FeedTests.ParseAsync("ninjs", await listed.Content.ReadAsByteArrayAsync());
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("id").GetString()!.EndsWith(releaseId.ToString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await EmbargoedAsync(account, null, releaseId)).StatusCode);

        var unaccredited = await JournalistAccountAsync();
        var registered = await unaccredited.PostAsJsonAsync("/api/media/journalists", Registration($"j{Guid.NewGuid():N}@example.org"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(unaccredited, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(unaccredited, null, releaseId)).StatusCode);
        // An officer's account is no journalist's: it still needs a token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await EmbargoedAsync(officer, null)).StatusCode);
    }

    [Fact]
    public async Task One_embargoed_release_is_served_marked_to_an_accredited_journalist_of_its_units_and_is_a_404_to_everyone_else()
    {
        var officer = await Steps.AsAsync("humas-officer", Unit);
        var (journalistId, token, _) = await AccreditedAsync(officer);
        var (_, elsewhereToken, _) = await AccreditedAsync(await Steps.AsAsync("humas-officer", "kpu-35"), "kpu-35");
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync("Embargo satu rilis");
        var until = DateTimeOffset.UtcNow.AddHours(2);
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { embargoUntil = until }, version));
        var (publicId, publicVersion, _, publicReviewer) = await PressReleaseTests.ApprovedAsync("Tanpa embargo");
        await Steps.OkAsync(await Steps.PostAsync(publicReviewer, $"/api/media/releases/{publicId}/publish", new { }, publicVersion));
        using var anyone = await Gateway.ClientAsync();

        var response = await EmbargoedAsync(anyone, token, releaseId);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var item = (await FeedTests.ParseAsync("ninjs", await response.Content.ReadAsByteArrayAsync()))[0];
        Assert.EndsWith(releaseId.ToString(), item.GetProperty("id").GetString()!, StringComparison.Ordinal);
        Assert.Equal(until.ToUnixTimeSeconds(), DateTimeOffset.Parse(item.GetProperty("embargoed").GetString()!).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.Unauthorized, (await EmbargoedAsync(anyone, null, releaseId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(anyone, "ABCDEFGHJKMNPQRSTUVWXYZ234567892", releaseId)).StatusCode);
        // Another province's journalist, a release not under embargo, an unknown one: 404 alike.
        Assert.Equal(HttpStatusCode.NotFound, (await EmbargoedAsync(anyone, elsewhereToken, releaseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EmbargoedAsync(anyone, token, publicId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EmbargoedAsync(anyone, token, Guid.NewGuid())).StatusCode);
        await AssertHiddenFromThePublicAsync(anyone, releaseId);

        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{journalistId}/revoke", new { reason = "Selesai liputan" }, 3));
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(anyone, token, releaseId)).StatusCode);
    }

    [Fact]
    public async Task A_journalist_has_their_personal_data_erased_the_event_is_recorded_and_nothing_of_it_can_be_read_again()
    {
        var officer = await Steps.AsAsync("humas-officer", Unit);
        var (id, token, account) = await AccreditedAsync(officer);
        var path = $"/api/media/journalists/{id}/personal-data";

        // Only the journalist or the unit's officers.
        var stranger = await JournalistAccountAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await DeleteAsync(stranger, path, 3)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DeleteAsync(await Steps.AsAsync("humas-officer", "kpu-35"), path, 3)).StatusCode);

        var erased = await Steps.OkAsync(await DeleteAsync(account, path, 3));
        Assert.True(erased.GetProperty("personalDataErased").GetBoolean());
        Assert.Equal("revoked", erased.GetProperty("status").GetString());
        var seen = await Steps.GetAsync(officer, $"/api/media/journalists/{id}");
        Assert.True(seen.GetProperty("personalDataErased").GetBoolean());
        foreach (var field in new[] { "fullName", "email", "pressCardNumber" })
            Assert.False(seen.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null, $"{field} is still readable");
        Assert.Equal("Suara Semarang", seen.GetProperty("outlet").GetString());
        var listed = (await Steps.GetAsync(officer, $"/api/media/journalists?unitId={Unit}")).EnumerateArray().Single(j => j.GetProperty("journalistId").GetGuid() == id);
        Assert.False(listed.TryGetProperty("fullName", out _));
        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(anyone, token)).StatusCode);

        // Recorded once; the key is destroyed, so the sealed copy in the registration can never be opened again.
        await using (var db = await Databases.OpenAsync("mediarelations"))
        {
            await using var command = new Npgsql.NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE e.type = 'journalist-personal-data-erased'),
                       count(*) FILTER (WHERE e.type = 'journalist-personal-data-erased' AND k.erased IS NOT NULL AND k.wrapped_key IS NULL)
                FROM events e LEFT JOIN personal_data_keys k ON k.subject_id = (e.data->>'personalDataSubject')::uuid
                WHERE e.stream_id = @stream
                """, db);
            command.Parameters.AddWithValue("stream", $"journalist-{id}");
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(1L, reader.GetInt64(0));
            Assert.Equal(1L, reader.GetInt64(1));
        }
        // A repeat by an officer changes nothing; the account may register afresh.
        Assert.Equal(5, (await Steps.OkAsync(await DeleteAsync(officer, path, 5))).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await Steps.PostAsync(officer, $"/api/media/journalists/{id}/accredit", new { }, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await account.PostAsJsonAsync("/api/media/journalists", Registration($"r{Guid.NewGuid():N}@example.org"))).StatusCode);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path, long ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_new_token_replaces_the_old_one_and_the_personal_data_is_sealed_in_the_store()
    {
        var officer = await Steps.AsAsync("humas-officer", Unit);
        var (id, first, account) = await AccreditedAsync(officer);
        var second = (await Steps.OkAsync(await Steps.PostAsync(account, $"/api/media/journalists/{id}/token", new { }, 3))).GetProperty("token").GetString()!;
        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await EmbargoedAsync(anyone, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EmbargoedAsync(anyone, second)).StatusCode);

        var seen = await Steps.GetAsync(officer, $"/api/media/journalists/{id}");
        Assert.Equal("Rina Wartawati", seen.GetProperty("fullName").GetString());
        var email = seen.GetProperty("email").GetString()!;
        await using var db = await Databases.OpenAsync("mediarelations");
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM events WHERE data::text LIKE '%' || @email || '%' OR data::text LIKE '%PWI-33-0001%' OR data::text LIKE '%' || @token || '%'", db);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("token", second);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Bad_registrations_are_a_400_problem_naming_each_field_and_store_nothing()
    {
        var account = await JournalistAccountAsync();
        var before = await JournalistEventCountAsync();
        var response = await account.PostAsync("/api/media/journalists", new StringContent(
            """{"unitId":"kpu-99","email":"bukan-email"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "unitId", "fullName", "outlet", "email", "pressCardNumber", "dewanPersStatus" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        var officer = await Steps.AsAsync("humas-officer", Unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/media/journalists", Registration("x@example.org"))).StatusCode);
        Assert.Equal(before, await JournalistEventCountAsync());
    }

    private static async Task AssertHiddenFromThePublicAsync(HttpClient anyone, Guid releaseId)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{releaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{releaseId}/ninjs")).StatusCode);
        foreach (var format in new[] { "ninjs", "atom", "rss", "json" })
            Assert.DoesNotContain(releaseId.ToString(), await anyone.GetStringAsync($"/api/media/feeds/{format}?unitId={Unit}"), StringComparison.Ordinal);
    }

    private static async Task<long> JournalistEventCountAsync()
    {
        await using var db = await Databases.OpenAsync("mediarelations");
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM events e JOIN streams s ON s.id = e.stream_id WHERE s.type = 'journalist'", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
