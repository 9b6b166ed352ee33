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

/// <summary>Request spans carry route and status, continue the caller's trace, and keep the query string out.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_request_span_has_route_and_status_continues_the_callers_trace_and_records_no_query()
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
        app.MapGet("/things/{id}", (string id) => Results.Ok(new { id }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var parent = new Activity("caller").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();
        using var client = new HttpClient();
        var response = await client.GetAsync($"{address}/things/42?accessCode=secret-code");
        parent.Stop();
        await app.StopAsync();

        response.EnsureSuccessStatusCode();
        var server = Assert.Single(stopped, a => a.Kind == ActivityKind.Server);
        Assert.Equal("/things/{id}", server.GetTagItem("http.route"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        var clientSpan = Assert.Single(stopped, a => a.Kind == ActivityKind.Client);
        Assert.Equal(clientSpan.SpanId, server.ParentSpanId);
        Assert.Equal($"{address}/things/42", clientSpan.GetTagItem("url.full"));
        Assert.All(stopped.SelectMany(a => a.TagObjects), tag => Assert.DoesNotContain("secret", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
    }
}
