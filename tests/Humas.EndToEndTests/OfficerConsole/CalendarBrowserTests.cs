using System.Globalization;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;
using Microsoft.Playwright;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The calendar desk in Debian's Chromium through the gateway with JavaScript off: a humas officer
/// signs in, plans an item from the calendar, finds it on its day and changes its status. The
/// month view, the new-item page and the item page, opened with the same session in a context
/// with script on (axe-core is script), pass axe-core and fit 360 px.
/// </summary>
public sealed class CalendarBrowserTests : ConsoleBrowserTest
{
    [Fact]
    public async Task With_JavaScript_off_a_humas_officer_plans_an_item_finds_it_on_its_day_and_publishes_it()
    {
        var unit = Requests.RandomRegencyUnit();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(3);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The unit is drawn at random and the database outlives a run: another item may share the day.
        var title = $"Siaran pers debat kandidat {Guid.NewGuid().ToString("N")[..6]}";
        using (var api = await Steps.AsAsync("humas-officer", unit)) await PlanAsync(api, Item(unit, "Konten tanpa jadwal", null, visibility: "internal"));
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");

        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, $"/console/calendar?view=month&date={date}");
        await page.WaitForSelectorAsync("#range");
        Assert.Equal("/console/calendar", new Uri(page.Url).AbsolutePath);

        await page.Locator("#plan-new").ClickAsync();
        await page.WaitForSelectorAsync("#plan-title");
        await page.Locator("#plan-title").FillAsync(title);
        await page.Locator("#plan-kind").SelectOptionAsync("press-release");
        await page.GetByLabel("Situs web").First.CheckAsync();
        await page.Locator("#plan-date").FillAsync(date);
        await page.Locator("#plan-time").FillAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rencanakan" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        var item = new Uri(page.Url).AbsolutePath;
        Assert.StartsWith($"{date} 10:00", (await page.TextContentAsync("#planned-at"))!.Trim(), StringComparison.Ordinal);
        await AssertAccessibleAndNarrowAsync(context, item, "calendar-item");

        await page.Locator("#status-to").SelectOptionAsync("published");
        await page.Locator("#status-url").FillAsync("https://kpu.go.id/berita/debat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ubah status" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Equal("published", await page.GetAttributeAsync("#status", "data-status"));

        await page.GetByText("← Kembali ke kalender").ClickAsync();
        await page.WaitForSelectorAsync("#range");
        var planned = page.Locator($"li[data-date='{date}'] .calendar-item", new() { HasText = title });
        Assert.Equal(1, await planned.CountAsync());
        Assert.Contains("Terbit", await planned.TextContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAndNarrowAsync(context, $"/console/calendar?view=month&date={date}", "calendar-month");
        await AssertAccessibleAndNarrowAsync(context, $"/console/calendar?view=week&date={date}", "calendar-week");
        await AssertAccessibleAndNarrowAsync(context, "/console/calendar/new", "calendar-new");
    }
}
