using Humas.ServiceDefaults;

namespace Humas.Gateway;

/// <summary>
/// Development only: hands out tokens signed with the development key, so the system can be
/// tried and tested without an identity provider. Never mapped outside Development, and even
/// there it answers only callers on this machine: the connection's own peer must be a
/// loopback address (X-Forwarded-For, which a trusted proxy may set, does not count).
/// </summary>
public static class DevelopmentTokens
{
    public sealed record TokenRequest(string? Subject, string[]? Roles, string? Unit);

    public static void MapDevelopmentTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        app.MapPost("/dev/tokens", (TokenRequest request, HttpContext http, IConfiguration configuration) =>
        {
            if (!ClientAddresses.IsFromThisMachine(http)) return Results.NotFound();
            var unknown = (request.Roles ?? []).Except(HumasRoles.All).ToList();
            if (string.IsNullOrWhiteSpace(request.Subject) || unknown.Count > 0)
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    [unknown.Count > 0 ? "roles" : "subject"] = [unknown.Count > 0 ? $"Unknown roles: {string.Join(", ", unknown)}" : "subject is required."],
                });
            var token = Authentication.IssueDevelopmentToken(configuration["Humas:Auth:SigningKey"]!, request.Subject, request.Roles ?? [], request.Unit, TimeSpan.FromHours(8));
            return Results.Ok(new { token });
        }).AllowAnonymous();
    }
}
