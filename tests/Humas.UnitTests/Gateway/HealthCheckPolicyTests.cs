extern alias GatewayApp;
using System.Text.RegularExpressions;
using Humas.UnitTests.Architecture;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Humas.UnitTests.Gateway;

/// <summary>
/// A cluster's destination is, in Kubernetes, a Service address in front of several replicas:
/// one unready replica answering the gateway's probe must not take the whole service out.
/// </summary>
public sealed class HealthCheckPolicyTests
{
    [Fact]
    public async Task A_destination_whose_health_probe_fails_still_gets_the_requests_it_can_answer()
    {
        // A backend that answers requests but whose readiness probe fails, as a Service does when the probe lands on one unready replica.
        var backendBuilder = WebApplication.CreateSlimBuilder();
        backendBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var backend = backendBuilder.Build();
        backend.MapGet("/health/ready", () => Results.StatusCode(503));
        backend.MapGet("/api/ppid/ping", () => "pong");
        await backend.StartAsync();
        var address = backend.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var gateway = new GatewayHost("Development", new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:ppid:Destinations:ppid-1:Address"] = address,
            ["ReverseProxy:Clusters:ppid:HealthCheck:Active:Interval"] = "00:00:00.200",
        });
        _ = gateway.Server;
        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(proxy.TryGetCluster("ppid", out var cluster) && cluster.Destinations.Values.All(d => d.Health.Active == DestinationHealth.Unhealthy)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the gateway's active health check never marked the destination unhealthy");
            await Task.Delay(100);
        }

        var response = await gateway.SendAsync("GET", "/api/ppid/ping", "127.0.0.1");
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public void Every_cluster_keeps_serving_through_its_destinations_when_none_is_marked_healthy()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(Repository.ReadText("gateway/Humas.Gateway/appsettings.json"));
        foreach (var cluster in settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject())
        {
            var health = cluster.Value.GetProperty("HealthCheck");
            Assert.True(health.TryGetProperty("AvailableDestinationsPolicy", out var policy), $"cluster {cluster.Name} leaves its available-destinations policy to the proxy's default");
            Assert.Equal("HealthyOrPanic", policy.GetString());
        }
    }

    [Fact]
    public void In_kubernetes_the_gateway_does_not_actively_probe_a_service_address()
    {
        var manifest = Repository.ReadText("deploy/k8s/gateway.yaml");
        foreach (var app in Repository.Apps.Where(a => !a.IsGateway))
            Assert.Matches($@"(?m)^\s+- name: ReverseProxy__Clusters__{Regex.Escape(app.Name)}__HealthCheck__Active__Enabled\s*\n\s+value: ""false""", manifest);
    }
}
