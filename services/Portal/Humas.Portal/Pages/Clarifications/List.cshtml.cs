using Humas.Portal.Api;
using Humas.Portal.Pages.Shared;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Clarifications;

/// <summary>Published clarifications, newest first: of a unit (with the units under it) at /{unit}/klarifikasi, national at /klarifikasi.</summary>
public sealed class ListModel(UnitDirectory units, HumasApi api) : PageModel
{
    public Unit? Unit { get; private set; }
    public ApiResult<Feed> Result { get; private set; } = null!;
    public FeedLinks Feeds => FeedLinks.Clarifications(Unit?.Id);

    public async Task<IActionResult> OnGetAsync(string? unitId, CancellationToken ct)
    {
        if (unitId is not null && units.Find(unitId) is null) return NotFound();
        Unit = unitId is null ? null : units.Find(unitId);
        Result = await api.GetClarificationsAsync(Unit?.Id, ct);
        if (!Result.Ok) Response.StatusCode = 503;
        return Page();
    }
}
