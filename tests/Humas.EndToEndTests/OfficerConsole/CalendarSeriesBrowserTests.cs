using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// A recurring item's page in Debian's Chromium through the gateway, JavaScript off, 360 px wide: an
/// occurrence skipped with its button; the page, with its skip buttons and its end form, passes
/// axe-core and fits 360 px.
/// </summary>
public sealed class CalendarSeriesBrowserTests : ConsoleBrowserTest
{
    [Fact]
    public async Task With_JavaScript_off_an_occurrence_is_skipped_and_the_series_page_passes_axe_core_at_360_px()
    {
        var unit = Requests.RandomRegencyUnit();
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(2);
        Guid seriesId;
        using (var api = await Steps.AsAsync("humas-officer", unit))
        {
            var created = await Steps.OkAsync(await api.PostAsJsonAsync("/api/calendar/series", new
            {
                unitId = unit, title = "Sapa pemilih mingguan", kind = "social-media-post", channels = new[] { "instagram" }, visibility = "public", time = "08:00",
                start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rule = new { frequency = "weekly", interval = 1, weekdays = new[] { start.DayOfWeek.ToString().ToLowerInvariant() }, count = 3 },
            }));
            seriesId = created.GetProperty("seriesId").GetGuid();
        }
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        var path = $"/console/calendar/series/{seriesId}";
        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, path);
        await page.WaitForSelectorAsync("#occurrences");
        await AssertAccessibleAndNarrowAsync(context, path, "calendar-series");

        var second = start.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Lewati kejadian {second}" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Equal("cancelled", await page.GetAttributeAsync($"#occurrences li[data-date='{second}']", "data-status"));
        await AssertAccessibleAndNarrowAsync(context, path, "calendar-series-skipped");
    }
}
