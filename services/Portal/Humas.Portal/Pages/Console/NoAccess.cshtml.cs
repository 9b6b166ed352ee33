using Humas.Portal.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console;

/// <summary>
/// A signed-in account that is no officer's (a citizen, a journalist) is told so, and may sign
/// out; a sign-in that did not complete (refused at the provider, an old link) says that instead.
/// </summary>
[AllowAnonymous]
public sealed class NoAccessModel : PageModel
{
    public bool SignInFailed { get; private set; }

    public void OnGet([FromQuery(Name = "sign-in")] string? signIn)
    {
        SignInFailed = signIn == "failed";
        Response.StatusCode = SignInFailed ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
    }

    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/" }, ConsoleSignIn.CookieScheme, ConsoleSignIn.ProviderScheme);
}
