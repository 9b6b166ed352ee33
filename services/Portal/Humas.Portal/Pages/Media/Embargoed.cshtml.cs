using Humas.Portal.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Media;

/// <summary>
/// The releases under embargo for a journalist signed in with their own account: the
/// MediaRelations service opens its embargoed channel to the account where a humas office has
/// accredited it. Each release is marked with the time before which it must not be published.
/// The page is never stored by a cache and never reached without signing in.
/// </summary>
[Authorize]
public sealed class EmbargoedModel(ConsoleApi api) : PageModel
{
    /// <summary>Embargo times are shown in Western Indonesian Time, as the releases state them.</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public ApiResult<List<EmbargoedRelease>> Result { get; private set; } = null!;

    /// <summary>Signed in, but not (or no longer) accredited anywhere: told how to become so, not shown an error page.</summary>
    public bool NotAccredited => Result.Status is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Result = await api.ListEmbargoedAsync(ct);
        if (!Result.Ok && !NotAccredited) Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }

    public static string Time(DateTimeOffset at) => at.ToOffset(Wib).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " WIB";
}
