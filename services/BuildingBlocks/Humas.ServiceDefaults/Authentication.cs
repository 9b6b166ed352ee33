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
        // In Development an authority's tokens and development-signed ones are both accepted
        // (when a development key is configured): each goes to its own validation by its issuer.
        var developmentKey = authority is null ? DevelopmentKey(auth["SigningKey"])
            : environment.IsDevelopment() && auth["SigningKey"] is { Length: >= 32 } key ? DevelopmentKey(key) : null;
        var audience = auth["Audience"] ?? Audience;
        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (authority is null)
        {
            authentication.AddJwtBearer(options => ConfigureDevelopment(options, audience, developmentKey!));
        }
        else if (developmentKey is null)
        {
            authentication.AddJwtBearer(options => ConfigureAuthority(options, audience, authority, auth, environment));
        }
        else
        {
            authentication
                .AddPolicyScheme(JwtBearerDefaults.AuthenticationScheme, "Bearer (authority or development)", options =>
                    options.ForwardDefaultSelector = context => IssuerOf(context.Request.Headers.Authorization.ToString()) == DevelopmentIssuer
                        ? DevelopmentScheme
                        : AuthorityScheme)
                .AddJwtBearer(AuthorityScheme, options => ConfigureAuthority(options, audience, authority, auth, environment))
                .AddJwtBearer(DevelopmentScheme, options => ConfigureDevelopment(options, audience, developmentKey));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(HumasPolicies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(HumasPolicies.PpidOfficer, p => p.RequireRole(HumasRoles.PpidOfficer, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.HumasOfficer, p => p.RequireRole(HumasRoles.HumasOfficer, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.Journalist, p => p.RequireRole(HumasRoles.Journalist, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.Supervisor, p => p.RequireRole(HumasRoles.Supervisor, HumasRoles.Admin))
            .AddPolicy(HumasPolicies.Admin, p => p.RequireRole(HumasRoles.Admin));
        return services;
    }

    public const string AuthorityScheme = "Bearer.Authority";
    public const string DevelopmentScheme = "Bearer.Development";

    private static TokenValidationParameters Parameters(string audience) => new()
    {
        ValidAudience = audience,
        RoleClaimType = HumasClaims.Role,
        NameClaimType = HumasClaims.Subject,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>The provider's tokens: issuer and keys from its discovery document (Humas:Auth:MetadataAddress when it is reached at another address).</summary>
    private static void ConfigureAuthority(JwtBearerOptions options, string audience, string authority, IConfiguration auth, IHostEnvironment environment)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = Parameters(audience);
        options.Authority = authority;
        if (auth["MetadataAddress"] is { Length: > 0 } metadata) options.MetadataAddress = metadata;
        options.RequireHttpsMetadata = auth.GetValue<bool?>("RequireHttpsMetadata") ?? !environment.IsDevelopment();
    }

    private static void ConfigureDevelopment(JwtBearerOptions options, string audience, SymmetricSecurityKey key)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = Parameters(audience);
        options.TokenValidationParameters.ValidIssuer = DevelopmentIssuer;
        options.TokenValidationParameters.IssuerSigningKey = key;
    }

    /// <summary>The (not yet validated) issuer of a bearer token, only to choose which validation it goes to.</summary>
    private static string? IssuerOf(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization[prefix.Length..].Trim();
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token)) return null;
        try
        {
            return handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
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
