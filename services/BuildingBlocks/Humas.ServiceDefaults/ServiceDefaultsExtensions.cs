using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Humas.ServiceDefaults.Problems;
using Humas.ServiceDefaults.Texts;

namespace Humas.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Telemetry, health, problem details, JSON, JWT authentication and OpenAPI: what every Humas service has.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var services = builder.Services;
        services.AddHumasTelemetry(serviceName);
        services.AddMemoryTrim();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        services.AddHumasProblemDetails();
        services.AddExceptionHandler<ProblemDetailsMapping>();
        // Binding failures (malformed JSON, oversized bodies) become exceptions the handler above answers.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Humas:Http:MaxRequestBodyBytes") ?? 64 * 1024);
        services.AddHumasAuthentication(builder.Configuration, builder.Environment);
        services.AddOpenApi(OpenApiConventions.Configure);
        return builder;
    }

    /// <summary>
    /// RFC 9457 problem details in the caller's language, each with a stable <c>code</c>: also the
    /// ones no refusal named (an authorization policy's 401, the gateway's 429, an unknown route).
    /// </summary>
    public static IServiceCollection AddHumasProblemDetails(this IServiceCollection services)
    {
        services.AddTexts(typeof(ServiceDefaultsExtensions).Assembly);
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var texts = context.HttpContext.RequestServices.GetRequiredService<TextCatalog>();
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = ProblemTitles.DefaultCode(status);
                problem.Title = texts[ProblemTitles.For(status)];
                problem.Detail ??= texts[ProblemTitles.DefaultCode(status)];
            }
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    /// <summary>Error handling, authentication, health endpoints and the OpenAPI document under the service's own prefix.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, string apiPrefix)
    {
        app.UseHumasLanguages();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live"), ResponseWriter = WriteHealth });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealth });
        app.MapOpenApi($"{apiPrefix}/openapi/{{documentName}}.json");
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }
}
