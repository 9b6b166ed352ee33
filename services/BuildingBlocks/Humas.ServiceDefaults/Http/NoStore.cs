using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Humas.ServiceDefaults.Http;

/// <summary>
/// Answers that carry personal data or a secret (an access code) must not be kept by a browser,
/// a shared cache or a proxy: <c>Cache-Control: no-store</c> on every answer of the endpoint.
/// </summary>
public static class NoStore
{
    public static TBuilder CarriesPersonalData<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (invocation, next) =>
        {
            invocation.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(invocation);
        });
}
