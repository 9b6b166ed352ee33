using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Humas.ServiceDefaults;

/// <summary>
/// OpenTelemetry through the hosting package: ASP.NET Core, HttpClient (and so YARP's forwarding),
/// Npgsql, MassTransit and our own sources; runtime metrics. W3C trace context flows through
/// HttpClient and MassTransit. Exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// Personal data stays out of traces: no request bodies, no query strings (removed from server and
/// client spans; a request marked with <see cref="KeepAddressOut"/> records no address at all), and
/// Npgsql records statement text with placeholders but never parameter values.
/// </summary>
public static class Telemetry
{
    /// <summary>Activity sources beyond those the instrumentation packages add.</summary>
    public static readonly string[] Sources = ["MassTransit", "Yarp.ReverseProxy", "Humas.Eventing", "Humas"];
    private static readonly string[] Meters = ["MassTransit", "Yarp.ReverseProxy", "Humas.Eventing", "Humas"];

    public static IServiceCollection AddHumasTelemetry(this IServiceCollection services, string serviceName)
    {
        var export = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceNamespace: "humas"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.EnrichWithHttpRequest = (activity, _) => RemoveQuery(activity);
                        options.EnrichWithHttpResponse = (activity, _) => RemoveQuery(activity);
                    })
                    .AddHttpClientInstrumentation(options =>
                    {
                        options.EnrichWithHttpRequestMessage = (activity, request) =>
                        {
                            if (request.Options.TryGetValue(AddressKeptOut, out var hidden) && hidden) RemoveAddress(activity);
                            else RemoveQuery(activity, request.RequestUri);
                        };
                    })
                    .AddNpgsql()
                    .AddSource(Sources);
                if (export) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                AddMetrics(metrics);
                if (export) metrics.AddOtlpExporter();
            });
        return services;
    }

    /// <summary>The metrics every application records (exporters aside).</summary>
    public static MeterProviderBuilder AddMetrics(MeterProviderBuilder metrics) => metrics
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation()
        .AddNpgsqlInstrumentation()
        .AddMeter(Meters)
        .AddMeter(AddressFreeHttpMeter)
        .AddView(instrument => instrument.Meter.Name == AddressFreeHttpMeter ? new MetricStreamConfiguration { TagKeys = AddressFreeTags } : null);

    /// <summary>
    /// The meter an HTTP client that calls addresses which may identify a person (webhook
    /// subscribers) reports under, through <see cref="AddressFreeMeters"/>: its request durations,
    /// connections and queue times are recorded by method, status, error and protocol, never by
    /// host or port.
    /// </summary>
    public const string AddressFreeHttpMeter = "Humas.Http.AddressKeptOut";

    private static readonly string[] AddressFreeTags = ["http.request.method", "http.response.status_code", "error.type", "network.protocol.version", "url.scheme"];

    /// <summary>
    /// For <c>SocketsHttpHandler.MeterFactory</c> of such a client: the handler's "System.Net.Http"
    /// instruments are created on <see cref="AddressFreeHttpMeter"/>, which the metrics keep
    /// without the server.address and server.port tags the handler adds to every measurement.
    /// </summary>
    public static IMeterFactory AddressFreeMeters { get; } = new AddressFreeMeterFactory();

    private sealed class AddressFreeMeterFactory : IMeterFactory
    {
        private readonly Lock gate = new();
        private Meter? meter;

        public Meter Create(MeterOptions options)
        {
            lock (gate)
                return meter ??= new Meter(new MeterOptions(AddressFreeHttpMeter) { Version = options.Version, Tags = options.Tags, Scope = this });
        }

        public void Dispose() { }
    }

    private static readonly HttpRequestOptionsKey<bool> AddressKeptOut = new("humas.telemetry.address-kept-out");

    /// <summary>
    /// The request goes to an address that may identify a person (a webhook subscriber's URL): its
    /// client span records neither the URL nor the host and port, only the method and the outcome.
    /// </summary>
    public static void KeepAddressOut(HttpRequestMessage request) => request.Options.Set(AddressKeptOut, true);

    private static void RemoveAddress(Activity activity)
    {
        foreach (var tag in new[] { "url.full", "url.query", "url.path", "server.address", "server.port", "network.peer.address", "network.peer.port" })
            activity.SetTag(tag, null);
    }

    /// <summary>A query string may carry personal data: a server span keeps the path only.</summary>
    private static void RemoveQuery(Activity activity) => activity.SetTag("url.query", null);

    /// <summary>A client span keeps the address without its query.</summary>
    private static void RemoveQuery(Activity activity, Uri? uri)
    {
        RemoveQuery(activity);
        if (uri is { IsAbsoluteUri: true, Query.Length: > 0 })
            activity.SetTag("url.full", uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
    }
}
