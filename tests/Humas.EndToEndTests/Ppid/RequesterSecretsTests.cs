using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Npgsql;

namespace Humas.EndToEndTests.Ppid;

/// <summary>
/// What a reader of Ppid's database can learn of a requester's secrets (the access code), what an
/// officer's screen shows of their NIK and phone, what erasure takes away, and that no answer
/// carrying any of it is kept by a cache.
/// </summary>
public sealed class RequesterSecretsTests
{
    private static string BareSha256(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    [Fact]
    public async Task The_access_code_is_stored_as_a_keyed_hash_and_not_in_the_replayable_answer_which_still_gives_it_back()
    {
        var unit = Requests.RandomRegencyUnit();
        using var citizen = await Gateway.ClientAsync();
        var key = $"secrets-{Guid.NewGuid():N}";
        var first = await PostWithKeyAsync(citizen, Requests.Valid(unit), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        AssertNotCached(first);
        var registered = await first.Content.ReadFromJsonAsync<JsonElement>();
        var number = registered.GetProperty("registrationNumber").GetString()!;
        var code = registered.GetProperty("accessCode").GetString()!;

        var stored = await ScalarAsync("SELECT access_code_hash FROM ppid_requests WHERE registration_number = @number", ("number", number));
        Assert.NotEqual(BareSha256(code), stored, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(code, stored);
        var idempotency = await ScalarAsync("SELECT coalesce(body, '') FROM idempotency_keys WHERE key = @key", ("key", key));
        Assert.NotEmpty(idempotency);
        Assert.DoesNotContain(code, idempotency);
        var events = await ScalarAsync("SELECT string_agg(data::text, ' ') FROM events WHERE data->>'registrationNumber' = @number", ("number", number));
        Assert.DoesNotContain(BareSha256(code), events, StringComparison.OrdinalIgnoreCase);

        var replay = await PostWithKeyAsync(citizen, Requests.Valid(unit), key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        AssertNotCached(replay);
        Assert.Equal(code, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessCode").GetString());

        var follow = new HttpRequestMessage(HttpMethod.Get, $"/api/ppid/requests/{number}");
        follow.Headers.Add("X-Access-Code", code);
        var followed = await citizen.SendAsync(follow);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        AssertNotCached(followed);
    }

    [Fact]
    public async Task An_officer_sees_nik_and_phone_masked_unless_they_ask_to_reveal_them_which_is_recorded()
    {
        var unit = Requests.RandomRegencyUnit();
        var subject = $"ppid-officer-{unit}";
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var request = await Steps.RegisterAsync(officer, unit);

        var response = await officer.GetAsync($"/api/ppid/requests/{request.Number}");
        AssertNotCached(response);
        var requester = (await Steps.OkAsync(response)).GetProperty("requester");
        var nik = requester.GetProperty("nik").GetString()!;
        var phone = requester.GetProperty("phone").GetString()!;
        Assert.NotEqual("3321015708900001", nik);
        Assert.DoesNotContain("570890", nik);
        Assert.EndsWith("0001", nik);
        Assert.NotEqual("081234567890", phone);
        Assert.EndsWith("890", phone);
        Assert.Equal("Siti Aminah", requester.GetProperty("fullName").GetString());
        Assert.Equal(0, await RevealCountAsync(request.Number));

        var revealedResponse = await officer.GetAsync($"/api/ppid/requests/{request.Number}?reveal=true");
        AssertNotCached(revealedResponse);
        var revealed = (await Steps.OkAsync(revealedResponse)).GetProperty("requester");
        Assert.Equal("3321015708900001", revealed.GetProperty("nik").GetString());
        Assert.Equal("081234567890", revealed.GetProperty("phone").GetString());
        Assert.Equal(1, await RevealCountAsync(request.Number));
        Assert.Equal(subject, await ScalarAsync("SELECT actor FROM personal_data_reveals WHERE registration_number = @number", ("number", request.Number)));

        foreach (var format in new[] { "json", "csv" })
        {
            var register = await officer.GetAsync($"/api/ppid/requests?unitId={unit}&format={format}");
            Assert.Equal(HttpStatusCode.OK, register.StatusCode);
            AssertNotCached(register);
            var text = await register.Content.ReadAsStringAsync();
            Assert.DoesNotContain("3321015708900001", text);
            Assert.DoesNotContain("081234567890", text);
        }
    }

    [Fact]
    public async Task Erasure_destroys_the_key_in_the_transaction_of_the_erasure_event_and_unlinks_the_account()
    {
        var unit = Requests.RandomRegencyUnit();
        using var citizen = await Gateway.ClientAsync(await Gateway.TokenAsync($"citizen-{Guid.NewGuid():N}", "citizen", null));
        var request = await Steps.RegisterAsync(citizen, unit);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/ppid/requests/{request.Number}")).StatusCode);

        using var admin = await Steps.AsAsync("admin", "kpu");
        var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/ppid/requests/{request.Number}/requester");
        erase.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Steps.OkAsync(await admin.SendAsync(erase));

        // now() is the transaction's start: the same instant for the event and the key only when one transaction wrote both.
        var instants = await ScalarAsync("""
            SELECT e.created = k.erased AND k.wrapped_key IS NULL
            FROM ppid_requests r
            JOIN personal_data_keys k ON k.subject_id = r.requester_subject
            JOIN events e ON e.stream_id = 'request-' || r.request_id AND e.type = 'requester-data-erased'
            WHERE r.registration_number = @number
            """, ("number", request.Number));
        Assert.Equal("True", instants);
        Assert.Equal("", await ScalarAsync("SELECT coalesce(requester_account, '') FROM ppid_requests WHERE registration_number = @number", ("number", request.Number)));

        Assert.DoesNotContain(request.Number, await citizen.GetStringAsync("/api/ppid/my-requests"));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/api/ppid/requests/{request.Number}")).StatusCode);
    }

    private static void AssertNotCached(HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage?.RequestUri}: Cache-Control is '{response.Headers.CacheControl}', not no-store");

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ppid/requests") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> RevealCountAsync(string number)
    {
        try
        {
            return int.Parse(await ScalarAsync("SELECT count(*)::text FROM personal_data_reveals WHERE registration_number = @number", ("number", number)));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            Assert.Fail("Ppid records no reveal of personal data (no table personal_data_reveals).");
            throw;
        }
    }

    private static async Task<string> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
