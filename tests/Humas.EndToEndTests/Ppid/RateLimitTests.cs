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
}
