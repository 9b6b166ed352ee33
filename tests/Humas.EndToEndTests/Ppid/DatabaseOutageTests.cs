using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>While PostgreSQL is away, requests get a 503 problem that says to retry, nothing half-done is left, and the service comes back by itself.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task During_a_database_outage_registrations_are_refused_with_503_and_succeed_again_afterwards()
    {
        var unit = Requests.RandomRegencyUnit("35");
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var before = await Steps.RegisterAsync(officer, unit);
        var countBefore = await Requests.RegisterCountAsync(unit);

        var (stopCode, stopOutput) = await Gateway.RunCtlAsync("postgres", "stop");
        Assert.True(stopCode == 0, $"could not stop PostgreSQL: {stopOutput}");
        try
        {
            var refused = await officer.PostAsJsonAsync("/api/ppid/requests", Requests.Valid(unit));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
        finally
        {
            var (startCode, startOutput) = await Gateway.RunCtlAsync("postgres", "start");
            Assert.True(startCode == 0, $"could not start PostgreSQL again: {startOutput}");
        }

        HttpResponseMessage? accepted = null;
        await Gateway.EventuallyAsync(async () =>
        {
            accepted = await officer.PostAsJsonAsync("/api/ppid/requests", Requests.Valid(unit));
            return accepted.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(90), "registrations to succeed again once PostgreSQL is back");

        Assert.Equal(countBefore + 1, await Requests.RegisterCountAsync(unit));
        Assert.Equal("registered", (await Steps.GetAsync(officer, $"/api/ppid/requests/{before.Number}")).GetProperty("status").GetString());
    }
}
