using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>401 for a caller who proves nothing, 403 for one who proves the wrong thing; always problem details.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task Following_a_request_without_an_access_code_is_401_and_with_another_requests_code_is_403()
    {
        var (numberA, _) = await RegisterAsync("kpu-33.23");
        var (_, codeB) = await RegisterAsync("kpu-33.23");
        using var anonymous = await Gateway.ClientAsync();

        await AssertProblemAsync(await anonymous.GetAsync($"/api/ppid/requests/{numberA}"), HttpStatusCode.Unauthorized);

        using var withCodeOfB = new HttpRequestMessage(HttpMethod.Get, $"/api/ppid/requests/{numberA}");
        withCodeOfB.Headers.Add("X-Access-Code", codeB);
        await AssertProblemAsync(await anonymous.SendAsync(withCodeOfB), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_officer_of_another_regency_can_neither_read_nor_register_for_this_one()
    {
        var (number, _) = await RegisterAsync("kpu-33.21");
        var elsewhere = await Gateway.TokenAsync("officer-kudus", "ppid-officer", "kpu-33.19");
        using var officer = await Gateway.ClientAsync(elsewhere);

        await AssertProblemAsync(await officer.GetAsync($"/api/ppid/requests/{number}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await officer.PostAsJsonAsync("/api/ppid/requests", Requests.Valid("kpu-33.21")), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await officer.GetAsync("/api/ppid/requests?unitId=kpu-33.21"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_provincial_officer_reads_the_register_of_a_regency_below_it()
    {
        await RegisterAsync("kpu-33.21");
        var provincial = await Gateway.TokenAsync("officer-jateng", "ppid-officer", "kpu-33");
        using var officer = await Gateway.ClientAsync(provincial);

        var register = await officer.GetFromJsonAsync<JsonElement>("/api/ppid/requests?unitId=kpu-33");

        Assert.Contains(register.EnumerateArray(), entry => entry.GetProperty("unitId").GetString() == "kpu-33.21");
    }

    [Fact]
    public async Task The_register_needs_an_officer_401_anonymous_403_citizen()
    {
        using var anonymous = await Gateway.ClientAsync();
        await AssertProblemAsync(await anonymous.GetAsync("/api/ppid/requests?unitId=kpu-33.21"), HttpStatusCode.Unauthorized);

        var citizenToken = await Gateway.TokenAsync("citizen-1", "citizen", null);
        using var citizen = await Gateway.ClientAsync(citizenToken);
        await AssertProblemAsync(await citizen.GetAsync("/api/ppid/requests?unitId=kpu-33.21"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await citizen.GetAsync("/api/calendar/request-deadlines?unitId=kpu-33.21"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_citizen_with_an_account_follows_their_own_requests_without_a_code_and_not_anyone_elses()
    {
        var alice = await Gateway.ClientAsync(await Gateway.TokenAsync($"citizen-{Guid.NewGuid():N}", "citizen", null));
        var bob = await Gateway.ClientAsync(await Gateway.TokenAsync($"citizen-{Guid.NewGuid():N}", "citizen", null));
        var response = await alice.PostAsJsonAsync("/api/ppid/requests", Requests.Valid("kpu-33.21"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString();

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/ppid/requests/{number}")).StatusCode);
        await AssertProblemAsync(await bob.GetAsync($"/api/ppid/requests/{number}"), HttpStatusCode.Forbidden);
        var mine = await alice.GetFromJsonAsync<JsonElement>("/api/ppid/my-requests");
        Assert.Equal([number], mine.EnumerateArray().Select(r => r.GetProperty("registrationNumber").GetString()));
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>("/api/ppid/my-requests")).GetArrayLength());
    }

    [Fact]
    public async Task A_forged_token_is_refused_at_the_gateway_even_on_a_public_route()
    {
        using var forged = await Gateway.ClientAsync("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl");
        await AssertProblemAsync(await forged.PostAsJsonAsync("/api/ppid/requests", Requests.Valid("kpu-33.21")), HttpStatusCode.Unauthorized);
    }

    private static async Task<(string Number, string AccessCode)> RegisterAsync(string unit)
    {
        using var citizen = await Gateway.ClientAsync();
        var response = await citizen.PostAsJsonAsync("/api/ppid/requests", Requests.Valid(unit));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("registrationNumber").GetString()!, body.GetProperty("accessCode").GetString()!);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
    }
}
