using System.Globalization;
using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Ppid;

/// <summary>When a request received at a given local time must be answered, and how that was counted.</summary>
public sealed class DeadlineModel(UnitDirectory units, HumasApi api) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public string? ReceivedAt { get; private set; }
    public bool Invalid { get; private set; }
    public ApiResult<Deadline>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitId, string? receivedAt, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        ReceivedAt = receivedAt;
        if (string.IsNullOrWhiteSpace(receivedAt)) return Page();
        if (!DateTime.TryParseExact(receivedAt, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            Invalid = true;
            Response.StatusCode = 422;
            return Page();
        }
        Result = await api.GetDeadlineAsync(unit.Id, new DateTimeOffset(local, unit.TimeZone.UtcOffset), ct);
        if (!Result.Ok) Response.StatusCode = Result.Problem?.Status is >= 400 and < 500 ? 422 : 503;
        return Page();
    }
}
