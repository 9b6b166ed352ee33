using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Humas.EndToEndTests.Infrastructure;
using Npgsql;

namespace Humas.EndToEndTests.Ppid;

/// <summary>A caller's W3C trace context survives the gateway and the service and is written with the events and the outbox message.</summary>
public sealed class TraceContextTests
{
    [Fact]
    public async Task The_trace_of_a_registration_continues_from_the_caller_into_the_event_and_the_outbox_message()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var citizen = await Gateway.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ppid/requests") { Content = JsonContent.Create(Requests.Valid(Requests.RandomRegencyUnit())) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM events WHERE metadata->>'traceParent' LIKE @pattern),
                   (SELECT count(*) FROM outbox WHERE headers->>'traceparent' LIKE @pattern)
            """, connection);
        command.Parameters.AddWithValue("pattern", $"00-{traceId}-%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((1L, 1L), (reader.GetInt64(0), reader.GetInt64(1)));
    }
}
