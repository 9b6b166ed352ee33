using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Clarifications;

/// <summary>A moment as the officers of a unit read it: in the unit's time zone, with its abbreviation (WIB, WITA, WIT).</summary>
public static class DeskTime
{
    public static string Show(UnitDirectory units, string unitId, DateTimeOffset at)
    {
        var zone = units.Find(unitId)?.TimeZone ?? IndonesianTimeZone.Wib;
        return $"{zone.ToLocal(at):yyyy-MM-dd HH:mm} {zone.Abbreviation}";
    }
}
