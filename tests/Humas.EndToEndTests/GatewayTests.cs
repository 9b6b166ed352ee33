using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests;

public sealed class GatewayTests
{
    [Fact]
    public async Task The_gateway_lists_every_services_openapi_document_and_serves_each_without_a_token()
    {
        using var anyone = await Gateway.ClientAsync();

        var index = await Steps.GetAsync(anyone, "/openapi");
        var documents = index.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("document").GetString()!).ToList();

        Assert.Equal(["/api/calendar/openapi/v1.json", "/api/clarifications/openapi/v1.json", "/api/identity/openapi/v1.json", "/api/media/openapi/v1.json", "/api/ppid/openapi/v1.json"], documents);
        foreach (var document in documents)
        {
            var openApi = await Steps.GetAsync(anyone, document);
            Assert.NotEmpty(openApi.GetProperty("paths").EnumerateObject());
        }
        // The document is public; the calendar's data is not.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync("/api/calendar/request-deadlines?unitId=kpu-33")).StatusCode);
    }
}
