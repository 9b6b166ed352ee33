using System.Collections.Concurrent;
using System.Diagnostics;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Humas.UnitTests.ServiceDefaults;

/// <summary>
/// Request spans carry route and status, continue the caller's trace, and keep the query string out;
/// a request to an address that may identify a person keeps the address out altogether.
/// </summary>
public sealed class TelemetryTests
{
    /// <summary>
    /// Starts an app with the service defaults' telemetry on a free port, sends it one request from
    /// inside a caller's span, and answers the spans of that trace with the response and the app's address.
    /// </summary>
    private static async Task<(IReadOnlyCollection<Activity> Spans, HttpResponseMessage Response, Uri Address)> TraceAsync(
        Action<WebApplication> map, Func<Uri, HttpRequestMessage> request)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.TraceId == traceId) stopped.Enqueue(activity); },
        };
        ActivitySource.AddActivityListener(listener);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHumasTelemetry("telemetry-test");
        await using var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        using var parent = new Activity("caller").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();
        using var client = new HttpClient();
        using var message = request(address);
        var response = await client.SendAsync(message);
        parent.Stop();
        await app.StopAsync();
        response.EnsureSuccessStatusCode();
        return (stopped.ToArray(), response, address);
    }

    [Fact]
    public async Task A_request_span_has_route_and_status_continues_the_callers_trace_and_records_no_query()
    {
        var (stopped, _, address) = await TraceAsync(app => app.MapGet("/things/{id}", (string id) => Results.Ok(new { id })),
            address => new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/things/42?accessCode=secret-code")));

        var server = Assert.Single(stopped, a => a.Kind == ActivityKind.Server);
        Assert.Equal("/things/{id}", server.GetTagItem("http.route"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        var clientSpan = Assert.Single(stopped, a => a.Kind == ActivityKind.Client);
        Assert.Equal(clientSpan.SpanId, server.ParentSpanId);
        Assert.Equal(new Uri(address, "/things/42").ToString(), clientSpan.GetTagItem("url.full"));
        Assert.All(stopped.SelectMany(a => a.TagObjects), tag => Assert.DoesNotContain("secret", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_marked_to_keep_its_address_out_leaves_no_url_host_or_port_in_its_client_span()
    {
        var (stopped, _, address) = await TraceAsync(app => app.MapPost("/hooks/{who}", (string who) => Results.Ok()), address =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/hooks/rina-wartawati?token=pribadi"));
            Telemetry.KeepAddressOut(request);
            return request;
        });

        var clientSpan = Assert.Single(stopped, a => a.Kind == ActivityKind.Client);
        Assert.Equal(200, clientSpan.GetTagItem("http.response.status_code"));
        foreach (var tag in new[] { "url.full", "server.address", "server.port" }) Assert.Null(clientSpan.GetTagItem(tag));
        var port = address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(clientSpan.TagObjects, tag => Assert.DoesNotContain("rina-wartawati", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
        Assert.All(clientSpan.TagObjects, tag => Assert.NotEqual(port, tag.Value?.ToString()));
        Assert.DoesNotContain("rina-wartawati", clientSpan.DisplayName, StringComparison.Ordinal);
    }
}
