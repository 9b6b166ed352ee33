using System.Collections.Immutable;
using System.Security.Claims;
using Humas.Identity.Accounts;
using Humas.ServiceDefaults;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Humas.Identity.Oidc;

/// <summary>What a token says about its holder: the claims the services read (sub, role, unit), for the audience "humas".</summary>
public static class TokenClaims
{
    public const string ApiScope = "humas";

    public static ClaimsPrincipal For(HumasUser user, IEnumerable<string> scopes) =>
        Build(user.Id, user.Role, user.Unit, scopes);

    public static ClaimsPrincipal Build(string subject, string role, string? unit, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(HumasClaims.Role, role);
        if (unit is not null) identity.SetClaim(HumasClaims.Unit, unit);
        identity.SetScopes(scopes.ToImmutableArray());
        identity.SetResources(Authentication.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject or HumasClaims.Role or HumasClaims.Unit => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
