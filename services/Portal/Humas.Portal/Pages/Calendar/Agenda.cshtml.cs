using System.Globalization;
using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Calendar;

/// <summary>A unit's public agenda for a month, with the address to subscribe to its calendar.</summary>
public sealed class AgendaModel(UnitDirectory units, HumasApi api, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public DateOnly Month { get; private set; }
    public ApiResult<Agenda> Result { get; private set; } = null!;
    /// <summary>The subscription address at the system's public address (see <see cref="PortalSetup.PublicAddress"/>).</summary>
    public string FeedUrl => $"{PortalSetup.PublicAddress(configuration, Request)}/api/calendar/units/{Unit.Id}/calendar.ics";

    public async Task<IActionResult> OnGetAsync(string unitId, string? month, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        var today = DateOnly.FromDateTime(unit.TimeZone.ToLocal(clock.GetUtcNow()).DateTime);
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) && chosen.Year is >= 2000 and <= 2100
            ? chosen
            : new DateOnly(today.Year, today.Month, 1);
        Result = await api.GetAgendaAsync(unit.Id, Month, Month.AddMonths(1).AddDays(-1), ct);
        if (!Result.Ok) Response.StatusCode = 503;
        return Page();
    }
}
