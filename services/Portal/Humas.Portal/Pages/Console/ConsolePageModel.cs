using Humas.Portal.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console;

/// <summary>
/// A page of the officer console: only a signed-in officer sees it (anyone else is sent to the
/// sign-in), and no answer is stored by a cache.
/// </summary>
[Authorize(Policy = ConsoleSignIn.OfficerPolicy)]
public abstract class ConsolePageModel : PageModel
{
    public string OfficerRole => User.Role() ?? "";

    public string? OfficerUnit => User.Unit();

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }
}
