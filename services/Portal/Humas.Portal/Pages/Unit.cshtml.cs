using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages;

/// <summary>A unit's own page: what it offers, the unit above it and the units it oversees.</summary>
public sealed class UnitModel(UnitDirectory units) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public Unit? Parent { get; private set; }
    public IReadOnlyList<Unit> Below { get; private set; } = [];

    public IActionResult OnGet(string unitId)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        Parent = unit.ParentId is { } parent ? units.Find(parent) : null;
        Below = units.All.Where(u => u.ParentId == unit.Id).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return Page();
    }
}
