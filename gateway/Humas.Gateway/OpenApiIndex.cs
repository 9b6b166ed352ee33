using Scalar.AspNetCore;

namespace Humas.Gateway;

/// <summary>Where each service's OpenAPI document is, read from the routes: one place to start for API clients.</summary>
public static class OpenApiIndex
{
    public sealed record ServiceDocument(string Service, string Document);

    /// <summary>One document per service the proxy routes to (its cluster), in the routes as they are configured now.</summary>
    public static IEnumerable<ServiceDocument> Documents(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => route["ClusterId"]).OfType<string>().Distinct().Order()
            .Select(service => new ServiceDocument(service, $"/api/{service}/openapi/v1.json"));

    public static void MapOpenApiIndex(this WebApplication app)
    {
        app.MapGet("/openapi", (IConfiguration configuration) =>
        {
            var services = Documents(configuration).Select(d => new { service = d.Service, document = d.Document });
            return Results.Ok(new { services });
        }).AllowAnonymous();

        // Development only: an API reference page (Scalar) over the same documents, at /docs.
        if (!app.Environment.IsDevelopment()) return;
        app.MapScalarApiReference("/docs", (options, context) =>
        {
            options.WithTitle("Humas API");
            foreach (var (document, index) in Documents(context.RequestServices.GetRequiredService<IConfiguration>()).Select((d, i) => (d, i)))
                options.AddDocument(document.Service, title: document.Service, routePattern: document.Document, isDefault: index == 0);
        }).AllowAnonymous();
    }
}
