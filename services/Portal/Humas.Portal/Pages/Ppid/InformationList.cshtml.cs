using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Ppid;

/// <summary>A unit's list of public information (DIP), by category.</summary>
public sealed class InformationListModel(UnitDirectory units, HumasApi api) : PageModel
{
    public static readonly string[] Categories = ["berkala", "serta-merta", "setiap-saat", "dikecualikan"];

    public Unit Unit { get; private set; } = null!;
    public string? Category { get; private set; }
    public ApiResult<List<InformationEntry>> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unitId, string? category, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        Category = Categories.Contains(category) ? category : null;
        Result = await api.GetInformationListAsync(unit.Id, Category, ct);
        if (!Result.Ok) Response.StatusCode = 503;
        return Page();
    }
}
