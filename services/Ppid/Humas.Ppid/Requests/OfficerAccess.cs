using System.Security.Claims;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests;

/// <summary>Officers act only for their own unit, or for the units their unit oversees; an administrator for any.</summary>
public static class OfficerAccess
{
    public static bool MayActFor(ClaimsPrincipal user, string unitId, UnitDirectory units)
    {
        if (user.IsInRole(HumasRoles.Admin)) return true;
        if (!user.IsInRole(HumasRoles.PpidOfficer) && !user.IsInRole(HumasRoles.Supervisor)) return false;
        var officerUnit = user.FindFirstValue(HumasClaims.Unit);
        return officerUnit is not null && units.Oversees(officerUnit, unitId);
    }

    public static IResult Forbidden(string unitId) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Tidak berwenang / Forbidden",
        detail: $"Your account does not act for unit '{unitId}'.");
}
