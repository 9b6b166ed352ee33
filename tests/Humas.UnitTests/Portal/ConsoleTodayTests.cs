using Humas.Portal.Pages.Console;
using Humas.ReferenceData;

namespace Humas.UnitTests.Portal;

/// <summary>An officer's "today" (what is overdue on the objection and deadline pages) is the date where their unit keeps office.</summary>
public sealed class ConsoleTodayTests
{
    private static readonly UnitDirectory Units = UnitDirectory.Load();

    [Theory]
    [InlineData("kpu-31.71", "2026-11-23T16:59:00Z", "2026-11-23")] // 23:59 WIB
    [InlineData("kpu-31.71", "2026-11-23T17:00:00Z", "2026-11-24")] // 00:00 WIB
    [InlineData("kpu-91", "2026-11-23T15:30:00Z", "2026-11-24")] // 00:30 WIT, while UTC's date is still the 23rd
    [InlineData("kpu-91", "2026-11-23T14:59:00Z", "2026-11-23")] // 23:59 WIT
    public void Today_is_the_date_in_the_units_time_zone(string unitId, string now, string today)
    {
        var unit = Units.Find(unitId) ?? throw new InvalidOperationException($"no unit {unitId}");
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            ConsolePageModel.TodayAt(unit, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
