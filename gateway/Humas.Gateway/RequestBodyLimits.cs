using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace Humas.Gateway;

/// <summary>
/// Each route may cap the request body (route metadata "MaxRequestBodyBytes"). An oversized
/// body is refused here with a 413 problem, before any of it reaches the service: otherwise the
/// service refuses it mid-upload, closes the connection, and the caller sees a 502.
/// </summary>
public static class RequestBodyLimits
{
    public const string MetadataKey = "MaxRequestBodyBytes";

    public static IReverseProxyApplicationBuilder UseRequestBodyLimits(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var route = context.GetReverseProxyFeature().Route.Config;
            if (route.Metadata?.TryGetValue(MetadataKey, out var value) == true && long.TryParse(value, out var limit))
            {
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = 413, Detail = context.RequestServices.GetRequiredService<TextCatalog>()["gateway.body-limited", limit] },
                    });
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            }
            await next();
        });
        return proxy;
    }
}
