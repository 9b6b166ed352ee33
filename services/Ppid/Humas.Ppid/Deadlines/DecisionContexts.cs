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
