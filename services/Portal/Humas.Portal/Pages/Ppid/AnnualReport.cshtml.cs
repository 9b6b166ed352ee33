using System.Text.Json;
using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Ppid;

/// <summary>A unit's annual public information service report (Pasal 12), for a year the reader chooses; the CSV is the service's own.</summary>
public sealed class AnnualReportModel(UnitDirectory units, HumasApi api, TimeProvider clock) : PageModel
{
    /// <summary>The report's figures in the order the page shows them, by the service's names.</summary>
    public static readonly string[] Figures =
    [
        "requestsReceived", "answeredInFull", "answeredInPart", "refused", "notHeld", "notYetDocumented", "referred", "withdrawn", "stillOpen",
        "averageAnswerWorkingDays", "longestAnswerWorkingDays", "extensions", "answeredLate", "overdueUnanswered",
        "objectionsFiled", "objectionsAccepted", "objectionsRejected", "objectionsUndecided", "objectionsDecidedLate", "disputes",
    ];

    public Unit Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ApiResult<Dictionary<string, JsonElement>> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unitId, int? year, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        var thisYear = unit.TimeZone.ToLocal(clock.GetUtcNow()).Year;
        Years = Enumerable.Range(2008, thisYear - 2008 + 1).Reverse().ToList();
        Year = year is { } chosen && Years.Contains(chosen) ? chosen : thisYear;
        Result = await api.GetAnnualReportAsync(unit.Id, Year, ct);
        if (!Result.Ok) Response.StatusCode = 503;
        return Page();
    }

    /// <summary>A figure as the page shows it: a count, a number of days with one decimal, or a dash when there is none.</summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => "–",
    };
}
