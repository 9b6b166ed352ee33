using Humas.ServiceDefaults.Texts;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Humas.Gateway;

/// <summary>The gateway's own policies: which callers a route admits, and how hard writers may push.</summary>
public static class GatewayPolicies
{
    /// <summary>Public routes: anyone may call, but a token that is sent must be valid (a forged one is refused, not ignored).</summary>
    public const string TokenValidIfPresent = "token-valid-if-present";

    public const string Officers = "officers";

    /// <summary>The write limit (named for what it first counted; signed-in writers are counted too, per subject).</summary>
    public const string AnonymousWrites = "anonymous-writes";

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(TokenValidIfPresent, policy => policy.RequireAssertion(context =>
                context.Resource is not HttpContext http
                || !http.Request.Headers.Authorization.Any()
                || context.User.Identity?.IsAuthenticated == true))
            .AddPolicy(Officers, policy => policy.RequireRole("ppid-officer", "humas-officer", "supervisor", "admin"));

        var anonymousPermits = configuration.GetValue("Humas:RateLimits:AnonymousWritesPerMinute", 30);
        var signedInPermits = configuration.GetValue("Humas:RateLimits:SignedInWritesPerMinute", 600);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var texts = http.RequestServices.GetRequiredService<TextCatalog>();
                var detail = Subject(http) is null ? texts["gateway.anonymous-writes-limited", anonymousPermits] : texts["gateway.signed-in-writes-limited", signedInPermits];
                http.Response.Headers.RetryAfter = "60";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Detail = detail },
                });
            };
            // Reads are not limited here. Writes are counted per signed-in subject, or else per
            // client address (an IPv6 client per /64: one subscriber holds the whole prefix).
            options.AddPolicy(AnonymousWrites, http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : Subject(http) is { } subject
                        ? RateLimitPartition.GetFixedWindowLimiter($"subject:{subject}", _ => PerMinute(signedInPermits))
                        : RateLimitPartition.GetFixedWindowLimiter($"address:{ClientAddresses.RateLimitKey(http.Connection.RemoteIpAddress)}", _ => PerMinute(anonymousPermits)));
        });

        services.AddClientAddresses(configuration);
        return services;
    }

    private static string? Subject(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(Humas.ServiceDefaults.HumasClaims.Subject)?.Value : null;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
