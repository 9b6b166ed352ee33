using Humas.Portal.Api;
using Humas.Portal.Pages.Shared;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Media;

/// <summary>
/// A newsroom: the public press releases of a unit (a province's or a body's with the units under
/// it) at /{unit}/berita, or national at /berita, newest first, with every feed linked.
/// </summary>
public sealed class NewsroomModel(UnitDirectory units, HumasApi api) : PageModel
{
    public Unit? Unit { get; private set; }
    public ApiResult<Feed> Result { get; private set; } = null!;
    public FeedLinks Feeds => FeedLinks.Releases(Unit?.Id);

    public async Task<IActionResult> OnGetAsync(string? unitId, CancellationToken ct)
    {
        if (unitId is not null && units.Find(unitId) is null) return NotFound();
        Unit = unitId is null ? null : units.Find(unitId);
        Result = await api.GetReleasesAsync(Unit?.Id, ct);
        if (!Result.Ok) Response.StatusCode = 503;
        return Page();
    }
}
