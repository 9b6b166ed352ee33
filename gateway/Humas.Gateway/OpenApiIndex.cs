using Scalar.AspNetCore;

namespace Humas.Gateway;

/// <summary>Where each service's OpenAPI document is, read from the routes: one place to start for API clients.</summary>
public static class OpenApiIndex
{
    public sealed record ServiceDocument(string Service, string Document);

    /// <summary>
    /// One document per service the proxy routes to (its cluster), in the routes as they are
    /// configured now, at the service's public address: the prefix of its catch-all route under
    /// <c>/api/</c> (<c>/api/media/{**rest}</c> for the mediarelations cluster). A cluster with no
    /// API route (the portal's pages) has no document; other routes of a service (the identity
    /// provider's <c>/connect</c>, <c>/account</c>) do not name it.
    /// </summary>
    public static IEnumerable<ServiceDocument> Documents(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Where(route => route["ClusterId"] is not null)
            .GroupBy(route => route["ClusterId"]!)
            .Select(cluster => PublicPrefix(cluster) is { } prefix ? new ServiceDocument(cluster.Key, $"{prefix}/openapi/v1.json") : null)
            .OfType<ServiceDocument>()
            .OrderBy(document => document.Document, StringComparer.Ordinal);

    private static string? PublicPrefix(IEnumerable<IConfigurationSection> routes) =>
        routes.Select(route => route["Match:Path"]).OfType<string>()
            .Where(path => path.StartsWith("/api/", StringComparison.Ordinal) && path.EndsWith("/{**rest}", StringComparison.Ordinal))
            .OrderBy(path => path.Length).FirstOrDefault() is { } catchAll
            ? catchAll[..^"/{**rest}".Length]
            : null;

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
