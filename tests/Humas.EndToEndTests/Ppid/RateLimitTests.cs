using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Anonymous_submissions_from_one_address_are_limited_with_a_429_problem_while_reads_are_not()
    {
        using var flood = await Gateway.ClientAsync(clientAddress: $"203.0.113.{Random.Shared.Next(1, 254)}");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
            statuses.Add((await flood.PostAsJsonAsync("/api/ppid/requests", new { unitId = "kpu-33.24" })).StatusCode);

        Assert.Contains(HttpStatusCode.BadRequest, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var limited = await flood.PostAsJsonAsync("/api/ppid/requests", new { unitId = "kpu-33.24" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        // Reads from the same address still pass the limiter (and reach the service: 401, not 429).
        Assert.Equal(HttpStatusCode.Unauthorized, (await flood.GetAsync("/api/ppid/requests/KPU-33.24-2026-00001")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_reads_of_expensive_endpoints_from_one_address_are_limited_with_a_429_problem_while_cheap_reads_and_officers_are_not()
    {
        var address = $"192.0.2.{Random.Shared.Next(1, 254)}";
        using var anonymous = await Gateway.ClientAsync(clientAddress: address);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 400 && limited is null; i++)
        {
            var response = await anonymous.GetAsync("/api/ppid/deadlines?unitId=kpu-33.24&receivedAt=2026-11-02T10:00:00%2B07:00");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("gateway.anonymous-reads-limited", problem.GetProperty("code").GetString());
        Assert.True(limited.Headers.RetryAfter is not null);
        foreach (var expensive in new[] { "/api/ppid/reports/annual?unitId=kpu-33.24&year=2025", "/api/ppid/information-list?unitId=kpu-33.24" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(expensive)).StatusCode);

        // One request by number is cheap: not limited (401 from the service, not 429).
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/ppid/requests/KPU-33.24-2026-00001")).StatusCode);
        // Signed-in callers are not limited by address.
        using var officer = await Gateway.ClientAsync(await Gateway.TokenAsync("reader-33.24", "ppid-officer", "kpu-33.24"), address);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/ppid/reports/annual?unitId=kpu-33.24&year=2025")).StatusCode);
    }
}
