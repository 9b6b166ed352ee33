using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests;

/// <summary>Problems answer in Indonesian unless English is asked for, and always carry the same stable code.</summary>
public sealed class LanguageTests
{
    private static async Task<(HttpResponseMessage Response, JsonElement Problem)> RegisterWithBadNikAsync(string? acceptLanguage)
    {
        using var client = await Gateway.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ppid/requests") { Content = JsonContent.Create(Requests.Valid("kpu-33.22", "33210157")) };
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Without_Accept_Language_a_problem_is_in_Indonesian()
    {
        var (response, problem) = await RegisterWithBadNikAsync(null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Permintaan tidak valid", problem.GetProperty("title").GetString());
        Assert.Equal("NIK harus 16 angka.", problem.GetProperty("errors").GetProperty("requester.nik")[0].GetString());
        Assert.Equal("request.nik.format", problem.GetProperty("code").GetString());
        Assert.Equal("request.nik.format", problem.GetProperty("fieldCodes").GetProperty("requester.nik")[0].GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US,en;q=0.9,id;q=0.5")]
    public async Task With_English_asked_for_the_same_problem_is_in_English_with_the_same_code(string acceptLanguage)
    {
        var (response, problem) = await RegisterWithBadNikAsync(acceptLanguage);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid request", problem.GetProperty("title").GetString());
        Assert.Equal(["en"], response.Content.Headers.ContentLanguage); // once: the gateway does not add its own to the service's
        Assert.Equal("NIK must be exactly 16 digits.", problem.GetProperty("errors").GetProperty("requester.nik")[0].GetString());
        Assert.Equal("request.nik.format", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_problem_the_gateway_or_a_policy_answers_has_a_code_too()
    {
        using var client = await Gateway.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ppid/requests?unitId=kpu-33.21");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.unauthenticated", problem.GetProperty("code").GetString());
        Assert.Equal("Authentication required", problem.GetProperty("title").GetString());
    }
}
