using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Humas.ServiceDefaults;

/// <summary>
/// JWT bearer tokens. Outside Development only an OpenID Connect authority's tokens are
/// accepted (Humas:Auth:Authority), and an application without one refuses to start: a
/// development signing key in its configuration is never used there. Development without an
/// authority signs its own tokens with a shared key (Humas:Auth:SigningKey).
/// </summary>
public static class Authentication
{
    public const string DevelopmentIssuer = "humas-development";
    public const string Audience = "humas";

    public static IServiceCollection AddHumasAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection("Humas:Auth");
        var authority = auth["Authority"] is { Length: > 0 } configured ? configured : null;
        if (authority is null && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Humas:Auth:Authority (the OpenID Connect provider whose tokens are accepted) is required outside Development (environment: {environment.EnvironmentName}); development-signed tokens are accepted in Development only.");
        var developmentKey = authority is null ? DevelopmentKey(auth["SigningKey"]) : null;
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = auth["Audience"] ?? Audience,
                RoleClaimType = HumasClaims.Role,
                NameClaimType = HumasClaims.Subject,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (authority is not null)
            {
                options.Authority = authority;
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = DevelopmentIssuer;
                options.TokenValidationParameters.IssuerSigningKey = developmentKey;
            }
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(HumasPolicies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(HumasPolicies.PpidOfficer, p => p.RequireRole(HumasRoles.PpidOfficer, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.HumasOfficer, p => p.RequireRole(HumasRoles.HumasOfficer, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.Journalist, p => p.RequireRole(HumasRoles.Journalist, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.Supervisor, p => p.RequireRole(HumasRoles.Supervisor, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.Admin, p => p.RequireRole(HumasRoles.Admin));
        return services;
    }

    public static SymmetricSecurityKey DevelopmentKey(string? signingKey) =>
        signingKey is { Length: >= 32 }
            ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey))
            : throw new InvalidOperationException("Set Humas:Auth:Authority (an OpenID Connect provider) or, in development, Humas:Auth:SigningKey of at least 32 characters.");

    /// <summary>Issues a token the development configuration accepts (used by the gateway's development endpoint and by tests).</summary>
    public static string IssueDevelopmentToken(string signingKey, string subject, IEnumerable<string> roles, string? unit, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(HumasClaims.Subject, subject) };
        claims.AddRange(roles.Select(role => new Claim(HumasClaims.Role, role)));
        if (unit is not null) claims.Add(new Claim(HumasClaims.Unit, unit));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentIssuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow + lifetime,
            SigningCredentials = new SigningCredentials(DevelopmentKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
