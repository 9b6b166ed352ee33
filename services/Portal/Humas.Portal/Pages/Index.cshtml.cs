using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages;

/// <summary>Choose a unit: the body's national office and provinces, or every unit whose name holds the words searched for.</summary>
public sealed class IndexModel(UnitDirectory units) : PageModel
{
    public const int MaxResults = 60;

    public string? Query { get; private set; }
    public Institution Body { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public void OnGet(string? q, string? body)
    {
        Body = string.Equals(body, "bawaslu", StringComparison.OrdinalIgnoreCase) ? Institution.Bawaslu : Institution.Kpu;
        Query = q?.Trim() is { Length: > 0 and <= 100 } query ? query : null;
        var ofBody = units.All.Where(u => u.Institution == Body);
        Units = Query is null
            ? ofBody.Where(u => u.Level != UnitLevel.Regency).ToList()
            : ofBody.Where(u => Matches(u, Query)).OrderBy(u => u.Level).ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Take(MaxResults).ToList();
    }

    /// <summary>Every word searched for is in the unit's name (Kabupaten and Kota are words like any other).</summary>
    private static bool Matches(Unit unit, string query) =>
        query.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => unit.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
