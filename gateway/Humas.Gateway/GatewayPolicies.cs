using Humas.ServiceDefaults.Texts;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Humas.Gateway;

/// <summary>The gateway's own policies: which callers a route admits, and how hard anonymous writers may push.</summary>
public static class GatewayPolicies
{
    /// <summary>Public routes: anyone may call, but a token that is sent must be valid (a forged one is refused, not ignored).</summary>
    public const string TokenValidIfPresent = "token-valid-if-present";

    public const string Officers = "officers";
    public const string AnonymousWrites = "anonymous-writes";

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(TokenValidIfPresent, policy => policy.RequireAssertion(context =>
                context.Resource is not HttpContext http
                || !http.Request.Headers.Authorization.Any()
                || context.User.Identity?.IsAuthenticated == true))
            .AddPolicy(Officers, policy => policy.RequireRole("ppid-officer", "humas-officer", "supervisor", "admin"));

        var permits = configuration.GetValue("Humas:RateLimits:AnonymousWritesPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Detail = context.HttpContext.RequestServices.GetRequiredService<TextCatalog>()["gateway.anonymous-writes-limited", permits] },
                });
            };
            // Reads and signed-in callers are not limited here; anonymous writes are, per client address.
            options.AddPolicy(AnonymousWrites, http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || http.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("Humas:TrustedProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        return services;
    }
}
