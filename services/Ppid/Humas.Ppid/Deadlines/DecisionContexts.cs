using System.Security.Claims;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.UseCases.Changes;

namespace Humas.Ppid.Deadlines;

/// <summary>What a Ppid decider gets besides the state: the time, the rules, the current working-day calendar, the unit's zone, the actor.</summary>
public static class DecisionContexts
{
    public static async Task<DecisionContext> ForUnitAsync(HttpContext http, string unitId, CancellationToken ct)
    {
        var services = http.RequestServices;
        var calendar = services.GetRequiredService<PpidCalendar>();
        return new DecisionContext(services.GetRequiredService<TimeProvider>().GetUtcNow(), calendar.Rules, (await calendar.CurrentAsync(ct)).Calendar,
            services.GetRequiredService<UnitDirectory>().Find(unitId)!.TimeZone,
            http.User.FindFirstValue(HumasClaims.Subject) ?? "requester");
    }
}

public static class UnitZones
{
    /// <summary>The unit's time zone. A unit the directory does not have is a fault of the stream that names it, not of the caller.</summary>
    public static IndonesianTimeZone ZoneOf(this UnitDirectory units, string unitId) =>
        units.Find(unitId)?.TimeZone ?? throw new InvalidOperationException($"Unit '{unitId}' is not in the unit directory.");
}
