using Humas.Portal.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console;

/// <summary>
/// Signing out (a form, so never by a link someone else planted): the refresh token is revoked,
/// the console's cookie removed, and the browser goes to the provider's end of session, which
/// ends its own session and sends it back to the portal's home.
/// </summary>
public sealed class SignOutModel(TokenRefresher tokens) : ConsolePageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await HttpContext.GetTokenAsync("refresh_token") is { } refreshToken) await tokens.RevokeAsync(refreshToken, ct);
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, ConsoleSignIn.CookieScheme, ConsoleSignIn.ProviderScheme);
    }
}
