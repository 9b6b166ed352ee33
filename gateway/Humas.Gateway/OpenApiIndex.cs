namespace Humas.Gateway;

/// <summary>Where each service's OpenAPI document is, read from the routes: one place to start for API clients.</summary>
public static class OpenApiIndex
{
    public static void MapOpenApiIndex(this WebApplication app) =>
        app.MapGet("/openapi", (IConfiguration configuration) =>
        {
            var services = configuration.GetSection("ReverseProxy:Routes").GetChildren()
                .Select(route => route["ClusterId"]).OfType<string>().Distinct().Order()
                .Select(service => new { service, document = $"/api/{service}/openapi/v1.json" });
            return Results.Ok(new { services });
        }).AllowAnonymous();
}
