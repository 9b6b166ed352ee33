using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Shared;

/// <summary>
/// A page that lists a service's feed: of a unit (with the units under it) at /{unit}/..., or
/// national without one; every feed of the same scope linked as an alternate.
/// </summary>
public abstract class UnitFeedPageModel(UnitDirectory units) : PageModel
{
    public Unit? Unit { get; private set; }
    public ApiResult<Feed> Result { get; private set; } = null!;
    public abstract FeedLinks Feeds { get; }

    protected abstract Task<ApiResult<Feed>> ReadAsync(string? unitId, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(string? unitId, CancellationToken ct)
    {
        if (unitId is not null && units.Find(unitId) is null) return NotFound();
        Unit = unitId is null ? null : units.Find(unitId);
        Result = await ReadAsync(Unit?.Id, ct);
        if (!Result.Ok) Response.StatusCode = 503;
        return Page();
    }
}
