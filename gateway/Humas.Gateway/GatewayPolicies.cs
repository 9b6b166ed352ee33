using Humas.ServiceDefaults.Texts;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Humas.Gateway;

/// <summary>The gateway's own policies: which callers a route admits, and how hard anonymous callers may push.</summary>
public static class GatewayPolicies
{
    /// <summary>Public routes: anyone may call, but a token that is sent must be valid (a forged one is refused, not ignored).</summary>
    public const string TokenValidIfPresent = "token-valid-if-present";

    public const string Officers = "officers";
    /// <summary>Per client address, without signing in: writes, and reads of the endpoints that cost the most to answer (Humas:RateLimits).</summary>
    public const string AnonymousCallers = "anonymous-callers";

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(TokenValidIfPresent, policy => policy.RequireAssertion(context =>
                context.Resource is not HttpContext http
                || !http.Request.Headers.Authorization.Any()
                || context.User.Identity?.IsAuthenticated == true))
            .AddPolicy(Officers, policy => policy.RequireRole("ppid-officer", "humas-officer", "supervisor", "admin"));

        var writes = configuration.GetValue("Humas:RateLimits:AnonymousWritesPerMinute", 30);
        var reads = configuration.GetValue("Humas:RateLimits:AnonymousReadsPerMinute", 120);
        // Whole lists, reports and computations; one request, entry or objection by its id is cheap and not limited.
        var expensiveReads = (configuration.GetSection("Humas:RateLimits:ExpensiveReads").Get<string[]>() ?? [])
            .Select(path => path.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        static bool IsRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var texts = http.RequestServices.GetRequiredService<TextCatalog>();
                var (code, permits) = IsRead(http) ? ("gateway.anonymous-reads-limited", reads) : ("gateway.anonymous-writes-limited", writes);
                http.Response.Headers.RetryAfter = "60";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = texts["problem.429"], Detail = texts[code, permits], Extensions = { ["code"] = code } },
                });
            };
            // Signed-in callers are not limited here. Anonymous ones are, per client address: every write, and reads of the expensive paths.
            options.AddPolicy(AnonymousCallers, http =>
            {
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (http.User.Identity?.IsAuthenticated == true) return RateLimitPartition.GetNoLimiter("signed-in");
                if (!IsRead(http))
                    return RateLimitPartition.GetFixedWindowLimiter($"writes:{address}", _ => PerMinute(writes));
                return expensiveReads.Contains(http.Request.Path.Value?.TrimEnd('/') ?? "")
                    ? RateLimitPartition.GetFixedWindowLimiter($"reads:{address}", _ => PerMinute(reads))
                    : RateLimitPartition.GetNoLimiter("cheap-reads");
            });
        });

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("Humas:TrustedProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
