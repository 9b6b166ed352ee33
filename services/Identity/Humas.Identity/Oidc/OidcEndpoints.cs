using System.Security.Claims;
using Humas.Identity.Accounts;
using Humas.Identity.Audit;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Humas.Identity.Oidc;

/// <summary>
/// The passthrough endpoints of the OpenID Connect server: OpenIddict has checked the request
/// (client, redirect URI, PKCE) before these run; they decide who the token is for.
/// </summary>
public static class OidcEndpoints
{
    public static WebApplication MapOidcEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).ExcludeFromDescription();
        app.MapMethods("/connect/logout", ["GET", "POST"], LogoutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<HumasUser> users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            var query = context.Request.HasFormContentType
                ? QueryString.Create((await context.Request.ReadFormAsync()).SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v))))
                : context.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + query },
                [IdentityConstants.ApplicationScheme]);
        }
        return Results.SignIn(TokenClaims.For(user, request.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, UserManager<HumasUser> users, IdentitySettings settings, AuditLog audit)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = settings.MachineClients.FirstOrDefault(c => c.ClientId == request.ClientId);
            if (client is null) return Forbid(Errors.InvalidClient, "Unknown client.");
            return Results.SignIn(TokenClaims.Build(client.ClientId, client.Role, client.Unit, request.GetScopes()), null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            // The account as it is now: a role or unit changed since sign-in shows in the next token;
            // a locked account gets none.
            if (user is null || await users.IsLockedOutAsync(user))
                return Forbid(Errors.InvalidGrant, "The account can no longer sign in.");
            if (request.IsRefreshTokenGrantType()) await audit.RecordAsync(AuditKinds.TokenRefreshed, user, actorId: user.Id);
            return Results.SignIn(TokenClaims.For(user, result.Principal!.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, UserManager<HumasUser> users, AuditLog audit)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Succeeded && await users.GetUserAsync(session.Principal) is { } user)
            await audit.RecordAsync(AuditKinds.SignedOut, user, actorId: user.Id);
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
