using Humas.MediaRelations.Webhooks;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Humas.UnitTests.MediaRelations;

/// <summary>
/// The webhook client's HTTP metrics name no subscriber host or port (a subscriber's address may
/// identify a person), while another client's metrics keep theirs: both measured by the metrics
/// every application records, read back through an in-memory exporter.
/// </summary>
public sealed class WebhookMetricsTests
{
    [Fact]
    public async Task The_webhook_clients_request_metrics_carry_status_and_method_but_no_host_or_port()
    {
        var exports = new List<MetricSnapshot>();
        List<MetricSnapshot> exported;
        using (var meters = Telemetry.AddMetrics(Sdk.CreateMeterProviderBuilder()).AddInMemoryExporter(exports).Build())
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using var receiver = builder.Build();
            // A status no other test answers: the meters are the process's, and other tests send requests meanwhile.
            receiver.MapPost("/hooks/rina-wartawati", () => Results.StatusCode(StatusCodes.Status203NonAuthoritative));
            await receiver.StartAsync();
            var address = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            var hook = new Uri(address, "/hooks/rina-wartawati");

            using (var webhooks = new HttpClient(SubscriberUrls.Handler(allowPrivate: true)))
                (await webhooks.PostAsync(hook, new StringContent("{}"))).EnsureSuccessStatusCode();
            using (var other = new HttpClient())
                (await other.PostAsync(hook, new StringContent("{}"))).EnsureSuccessStatusCode();
            await receiver.StopAsync();
            meters.ForceFlush();
            exported = exports.ToList(); // one export: the provider's disposal would add a second
        }

        var webhookDurations = Points(exported, Telemetry.AddressFreeHttpMeter, "http.client.request.duration").Where(Ours).ToList();
        var webhookPoint = Assert.Single(webhookDurations);
        Assert.Equal("POST", Tag(webhookPoint, "http.request.method"));
        Assert.Equal(1, webhookPoint.GetHistogramCount());
        var webhookTags = exported.Where(m => m.MeterName == Telemetry.AddressFreeHttpMeter)
            .SelectMany(m => Points(exported, m.MeterName, m.Name)).SelectMany(TagKeys).Distinct().ToArray();
        Assert.DoesNotContain("server.address", webhookTags);
        Assert.DoesNotContain("server.port", webhookTags);

        // The other client's request is measured with its address: the check above could have failed.
        var otherPoint = Assert.Single(Points(exported, "System.Net.Http", "http.client.request.duration"), Ours);
        Assert.Equal("127.0.0.1", Tag(otherPoint, "server.address"));
    }

    private static List<MetricPoint> Points(IEnumerable<MetricSnapshot> exported, string meter, string instrument) =>
        exported.Where(m => m.MeterName == meter && m.Name == instrument).SelectMany(m => m.MetricPoints).ToList();

    private static bool Ours(MetricPoint point) =>
        Convert.ToInt32(Tag(point, "http.response.status_code") ?? 0, System.Globalization.CultureInfo.InvariantCulture) == StatusCodes.Status203NonAuthoritative;

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value;
        return null;
    }

    private static IEnumerable<string> TagKeys(MetricPoint point)
    {
        var keys = new List<string>();
        foreach (var tag in point.Tags) keys.Add(tag.Key);
        return keys;
    }
}
