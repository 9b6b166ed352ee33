using Humas.ServiceDefaults.Texts;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Humas.Gateway;

/// <summary>The gateway's own policies: which callers a route admits, and how hard writers and anonymous readers may push.</summary>
public static class GatewayPolicies
{
    /// <summary>Public routes: anyone may call, but a token that is sent must be valid (a forged one is refused, not ignored).</summary>
    public const string TokenValidIfPresent = "token-valid-if-present";

    public const string Officers = "officers";

    /// <summary>
    /// The rate limit of a route (named for what it first counted): writes per signed-in subject or
    /// else per client address, and anonymous reads of the paths that cost the most to answer.
    /// </summary>
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
        var anonymousReads = configuration.GetValue("Humas:RateLimits:AnonymousReadsPerMinute", 120);
        // Whole lists, reports and computations; one request, entry or objection by its id is cheap and not limited.
        var expensiveReads = (configuration.GetSection("Humas:RateLimits:ExpensiveReads").Get<string[]>() ?? [])
            .Select(path => path.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var texts = http.RequestServices.GetRequiredService<TextCatalog>();
                http.Response.Headers.RetryAfter = "60";
                var problem = new ProblemDetails { Status = 429 };
                if (IsRead(http))
                {
                    // Its own code, so that a client can tell a read limit from a write limit.
                    problem.Title = texts["problem.429"];
                    problem.Detail = texts["gateway.anonymous-reads-limited", anonymousReads];
                    problem.Extensions["code"] = "gateway.anonymous-reads-limited";
                }
                else
                {
                    problem.Detail = Subject(http) is null ? texts["gateway.anonymous-writes-limited", anonymousPermits] : texts["gateway.signed-in-writes-limited", signedInPermits];
                }
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
            // Writes are counted per signed-in subject, or else per client address (an IPv6 client
            // per /64: one subscriber holds the whole prefix). Reads are limited only without
            // signing in, per client address, and only of the expensive paths.
            options.AddPolicy(AnonymousWrites, http =>
            {
                var address = ClientAddresses.RateLimitKey(http.Connection.RemoteIpAddress);
                if (IsRead(http))
                    return Subject(http) is null && expensiveReads.Contains(http.Request.Path.Value?.TrimEnd('/') ?? "")
                        ? RateLimitPartition.GetFixedWindowLimiter($"reads:{address}", _ => PerMinute(anonymousReads))
                        : RateLimitPartition.GetNoLimiter("reads");
                return Subject(http) is { } subject
                    ? RateLimitPartition.GetFixedWindowLimiter($"subject:{subject}", _ => PerMinute(signedInPermits))
                    : RateLimitPartition.GetFixedWindowLimiter($"address:{address}", _ => PerMinute(anonymousPermits));
            });
        });

        services.AddClientAddresses(configuration);
        return services;
    }

    private static bool IsRead(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);

    private static string? Subject(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(Humas.ServiceDefaults.HumasClaims.Subject)?.Value : null;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
