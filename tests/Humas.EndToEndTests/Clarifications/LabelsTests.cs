using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Clarifications;

public class LabelsTests
{
    [Fact]
    public async Task The_public_reads_the_verdict_labels_through_the_gateway()
    {
        using var client = await Gateway.ClientAsync();
        var response = await client.GetAsync("/api/clarifications/labels");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var titles = body.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("title").GetString()).ToList();
        Assert.Contains("[HOAKS]", titles);
        Assert.Contains("[BELUM TERBUKTI]", titles);
        Assert.Equal(5, body.GetProperty("bestRating").GetInt32());
    }
}
