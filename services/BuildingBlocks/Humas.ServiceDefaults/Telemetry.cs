using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Humas.ServiceDefaults;

/// <summary>
/// OpenTelemetry without the hosting package: the providers are singletons the container
/// builds once at start and disposes (flushing) at shutdown. Exported over OTLP only when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set; request bodies, query strings and SQL parameters are
/// never recorded, so personal data stays out of traces.
/// </summary>
public static class Telemetry
{
    public static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql", "Yarp.ReverseProxy", "Humas.Eventing", "Humas"];
    private static readonly string[] Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "Npgsql", "Humas.Eventing", "Humas"];

    public static IServiceCollection AddHumasTelemetry(this IServiceCollection services, string serviceName)
    {
        var export = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceNamespace: "humas");

        services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources);
            if (export) tracing.AddOtlpExporter();
            return tracing.Build();
        });
        services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters);
            if (export) metrics.AddOtlpExporter();
            return metrics.Build();
        });
        return services;
    }

    /// <summary>Starts the providers before the first request and tags request spans with route and status.</summary>
    public static WebApplication UseHumasTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<TracerProvider>();
        app.Services.GetRequiredService<MeterProvider>();
        app.Use(async (context, next) =>
        {
            var activity = Activity.Current;
            if (activity is not null) activity.SetTag("url.query", null);
            await next(context);
            if (activity is null) return;
            if (context.GetEndpoint() is RouteEndpoint endpoint) activity.SetTag("http.route", endpoint.RoutePattern.RawText);
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
        });
        return app;
    }
}
