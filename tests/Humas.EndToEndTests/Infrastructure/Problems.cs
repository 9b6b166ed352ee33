using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>Assertions on problem-details answers.</summary>
public static class Problems
{
    /// <summary>A 400 problem whose <c>fieldCodes</c> name <paramref name="field"/> with <paramref name="code"/>; answers the problem.</summary>
    public static async Task<JsonElement> AssertFieldAsync(HttpResponseMessage response, string field, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {field}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        var codes = default(JsonElement);
        Assert.True(problem.TryGetProperty("fieldCodes", out var fieldCodes) && fieldCodes.TryGetProperty(field, out codes),
            $"the problem does not name {field}: {body}");
        Assert.Contains(code, codes.EnumerateArray().Select(c => c.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
        return problem;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
