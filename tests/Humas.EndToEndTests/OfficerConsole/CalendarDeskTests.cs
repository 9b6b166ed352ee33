using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The humas calendar desk through the gateway as a browser without script: plan an item (a
/// refused form first), see it in the month and week views, reschedule it, change its status, a
/// stale form refused with the current state shown, the unscheduled pool, a recurring item, the
/// missed list, the iCal link, and the province's roll-up.
/// </summary>
public sealed class CalendarDeskTests
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<IHtmlDocument> FollowedAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Browser.ParseAsync(await browser.FollowAsync(response));
    }

    private static Guid ItemId(HttpResponseMessage redirect) => Guid.Parse(redirect.Headers.Location!.OriginalString.Split('/', '?')[4]);

    [Fact]
    public async Task An_officer_plans_reschedules_and_changes_the_status_of_an_item_from_the_calendar_and_a_stale_or_refused_form_keeps_what_was_typed()
    {
        var unit = Requests.RandomRegencyUnit();
        var day = RandomDay();
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password, "/console/calendar");

        // A refused plan: the title is missing; the page says so by the field and keeps the rest.
        var blank = await ConsoleSession.PageAsync(browser, $"/console/calendar/new?date={Day(day)}");
        var planForm = ConsoleSession.Form(blank, "form[action$='handler=Plan']");
        var refused = await browser.SubmitAsync(planForm, new Dictionary<string, string>
        {
            ["Plan.Title"] = "", ["Plan.Kind"] = "press-release", ["Plan.Time"] = "10:00", ["Plan.Notes"] = "Menunggu pleno rekapitulasi",
        });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector(".error[data-field='title']"));
        Assert.Equal("true", refusedPage.QuerySelector("#plan-title")!.GetAttribute("aria-invalid"));
        Assert.Equal("Menunggu pleno rekapitulasi", refusedPage.QuerySelector("#plan-notes")!.TextContent);
        Assert.Equal("press-release", refusedPage.QuerySelector("#plan-kind option[selected]")!.GetAttribute("value"));
        Assert.Equal("10:00", refusedPage.QuerySelector("#plan-time")!.GetAttribute("value"));
        using var api = await Steps.AsAsync("humas-officer", unit);
        var agenda = await Steps.GetAsync(api, $"/api/calendar/units/{unit}/agenda?from={Day(day)}&to={Day(day)}");
        Assert.Empty(agenda.GetProperty("items").EnumerateArray());

        // Planned from the same form, corrected.
        var planned = await browser.SubmitAsync(ConsoleSession.Form(refusedPage, "form[action$='handler=Plan']"), new Dictionary<string, string>
        {
            ["Plan.Title"] = "Siaran pers rekapitulasi", ["Plan.Kind"] = "press-release", ["Plan.Time"] = "10:00",
        });
        var id = ItemId(planned);
        var itemPage = await FollowedAsync(browser, planned);
        Assert.NotNull(itemPage.QuerySelector("#done"));
        Assert.StartsWith($"{Day(day)} 10:00 WIB", itemPage.QuerySelector("#planned-at")!.TextContent.Trim(), StringComparison.Ordinal);

        // The month view shows it on its day; previous and next are plain links.
        var month = await ConsoleSession.PageAsync(browser, $"/console/calendar?view=month&date={Day(day)}");
        Assert.NotNull(month.QuerySelector($"li[data-date='{Day(day)}'] li[data-id='{id}']"));
        var next = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        Assert.Equal($"/console/calendar?view=month&date={Day(next)}", month.QuerySelector("#next")!.GetAttribute("href"));
        var nextMonth = await ConsoleSession.PageAsync(browser, month.QuerySelector("#next")!.GetAttribute("href")!);
        Assert.Equal(DateTime.DaysInMonth(next.Year, next.Month), nextMonth.QuerySelectorAll("#days > li").Length);
        Assert.Null(nextMonth.QuerySelector($"li[data-id='{id}']"));
        Assert.Equal($"/console/calendar/items/{id}", month.QuerySelector($"li[data-id='{id}'] a")!.GetAttribute("href"));

        // Rescheduled three days later; the week view of that day shows it.
        var later = day.AddDays(3);
        var moved = await browser.SubmitAsync(ConsoleSession.Form(itemPage, "form[action$='handler=Reschedule']"),
            new Dictionary<string, string> { ["Reschedule.PlannedAt"] = $"{Day(later)}T14:30", ["Reschedule.Reason"] = "Pleno diundur" });
        var movedPage = await FollowedAsync(browser, moved);
        Assert.StartsWith($"{Day(later)} 14:30 WIB", movedPage.QuerySelector("#planned-at")!.TextContent.Trim(), StringComparison.Ordinal);
        var week = await ConsoleSession.PageAsync(browser, $"/console/calendar?view=week&date={Day(later)}");
        Assert.Equal(7, week.QuerySelectorAll("#days > li").Length);
        Assert.NotNull(week.QuerySelector($"li[data-date='{Day(later)}'] li[data-id='{id}']"));

        // The status changed straight from the item.
        var started = await browser.SubmitAsync(ConsoleSession.Form(movedPage, "form[action$='handler=Status']"),
            new Dictionary<string, string> { ["Status.Status"] = "in-progress" });
        var startedPage = await FollowedAsync(browser, started);
        Assert.Equal("in-progress", startedPage.QuerySelector("#status")!.GetAttribute("data-status"));

        // The edit form of the page shown before the status change is stale: nothing is saved, the officer is told,
        // the item is shown as it now is and the typed title kept.
        var stale = await browser.SubmitAsync(ConsoleSession.Form(movedPage, "form[action$='handler=Edit']"),
            new Dictionary<string, string> { ["Edit.Title"] = "Judul dari halaman lama" });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("in-progress", stalePage.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Equal("Judul dari halaman lama", stalePage.QuerySelector("#edit-title")!.GetAttribute("value"));
        var stored = await Steps.GetAsync(api, $"/api/calendar/publications/{id}");
        Assert.Equal(("Siaran pers rekapitulasi", "in-progress"), (stored.GetProperty("title").GetString(), stored.GetProperty("status").GetString()));

        // A reschedule to the past is refused by the field, with the typed time kept.
        var past = await browser.SubmitAsync(ConsoleSession.Form(startedPage, "form[action$='handler=Reschedule']"),
            new Dictionary<string, string> { ["Reschedule.PlannedAt"] = "2020-01-06T09:00" });
        Assert.Equal((HttpStatusCode)422, past.StatusCode);
        var pastPage = await Browser.ParseAsync(past);
        Assert.NotNull(pastPage.QuerySelector(".error[data-field='plannedAt']"));
        Assert.Equal("2020-01-06T09:00", pastPage.QuerySelector("#reschedule-at")!.GetAttribute("value"));

        // Published, with its address; the history keeps every step.
        var published = await browser.SubmitAsync(ConsoleSession.Form(startedPage, "form[action$='handler=Status']"),
            new Dictionary<string, string> { ["Status.Status"] = "published", ["Status.Url"] = "https://kpu.go.id/berita/rekap" });
        var publishedPage = await FollowedAsync(browser, published);
        Assert.Equal("published", publishedPage.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Null(publishedPage.QuerySelector("form[action$='handler=Status']"));
        Assert.Equal(["publication-planned", "publication-rescheduled", "publication-started", "publication-published"],
            publishedPage.QuerySelectorAll("#history li").Select(li => li.GetAttribute("data-event")));

        // An officer of another regency does not see it.
        var outsider = await ConsoleSession.NewOfficerAsync(unit == "kpu-33.01" ? "kpu-33.02" : "kpu-33.01", "humas-officer");
        using var other = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(other, outsider.Email, outsider.Password, "/console/calendar");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/calendar/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_unscheduled_pool_recurring_items_the_missed_list_the_iCal_link_and_the_province_roll_up()
    {
        var unit = Requests.RandomRegencyUnit();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password, "/console/calendar");

        // Planned without a date, it goes to the pool, where it gets a time.
        var blank = await ConsoleSession.PageAsync(browser, "/console/calendar/new");
        var pooled = await browser.SubmitAsync(ConsoleSession.Form(blank, "form[action$='handler=Plan']"), new Dictionary<string, string>
        {
            ["Plan.Title"] = "Infografis partisipasi pemilih", ["Plan.Kind"] = "social-media-post", ["Plan.Date"] = "", ["Plan.Time"] = "",
        });
        var id = ItemId(pooled);
        Assert.Contains("Belum dijadwalkan", (await FollowedAsync(browser, pooled)).QuerySelector("#planned-at")!.TextContent, StringComparison.Ordinal);
        var calendar = await ConsoleSession.PageAsync(browser, "/console/calendar");
        var poolEntry = calendar.QuerySelector($"#pool li[data-id='{id}']");
        Assert.NotNull(poolEntry);
        var when = today.AddDays(2);
        var scheduled = await browser.SubmitAsync((IHtmlFormElement)poolEntry.QuerySelector("form")!,
            new Dictionary<string, string> { [$"Reschedule.PlannedAt"] = $"{Day(when)}T08:15" });
        Assert.StartsWith($"{Day(when)} 08:15", (await FollowedAsync(browser, scheduled)).QuerySelector("#planned-at")!.TextContent.Trim(), StringComparison.Ordinal);
        var after = await ConsoleSession.PageAsync(browser, $"/console/calendar?view=week&date={Day(when)}");
        Assert.Null(after.QuerySelector($"#pool li[data-id='{id}']"));
        Assert.NotNull(after.QuerySelector($"li[data-date='{Day(when)}'] li[data-id='{id}']"));

        // A pool entry sent without a time is refused on the item's page, by the field.
        using var api = await Steps.AsAsync("humas-officer", unit);
        var (poolId, _) = await PlanAsync(api, Item(unit, "Video profil", null, visibility: "internal"));
        var withPool = await ConsoleSession.PageAsync(browser, "/console/calendar");
        var empty = await browser.SubmitAsync((IHtmlFormElement)withPool.QuerySelector($"#pool li[data-id='{poolId}'] form")!, new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode)422, empty.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(empty)).QuerySelector(".error[data-field='plannedAt']"));

        // A recurring item, weekly for three times from tomorrow: its occurrences are planned and listed.
        var start = today.AddDays(1);
        var form = ConsoleSession.Form(await ConsoleSession.PageAsync(browser, "/console/calendar/new"), "form[action$='handler=Series']");
        var badSeries = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Series.Title"] = "Rilis mingguan", ["Series.Kind"] = "press-release", ["Series.Time"] = "", ["Series.Start"] = Day(start), ["Series.Count"] = "3",
        });
        Assert.Equal((HttpStatusCode)422, badSeries.StatusCode);
        var badPage = await Browser.ParseAsync(badSeries);
        Assert.NotNull(badPage.QuerySelector(".error[data-field='time']"));
        Assert.Equal("Rilis mingguan", badPage.QuerySelector("#series-title")!.GetAttribute("value"));
        Assert.Equal("3", badPage.QuerySelector("#series-count")!.GetAttribute("value"));
        var series = await browser.SubmitAsync(ConsoleSession.Form(badPage, "form[action$='handler=Series']"), new Dictionary<string, string>
        {
            ["Series.Title"] = "Rilis mingguan", ["Series.Kind"] = "press-release", ["Series.Time"] = "09:00", ["Series.Start"] = Day(start),
            ["Series.Count"] = "3", ["Series.Weekdays"] = start.DayOfWeek.ToString().ToLowerInvariant(),
        });
        var seriesPage = await FollowedAsync(browser, series);
        var occurrences = seriesPage.QuerySelectorAll("#occurrences li").ToList();
        Assert.Equal(3, occurrences.Count);
        Assert.Equal([Day(start), Day(start.AddDays(7)), Day(start.AddDays(14))], occurrences.Select(o => o.QuerySelector("a")!.TextContent[..10]));
        var firstWeek = await ConsoleSession.PageAsync(browser, $"/console/calendar?view=week&date={Day(start)}");
        Assert.NotNull(firstWeek.QuerySelector($"li[data-date='{Day(start)}'] li[data-id='{occurrences[0].GetAttribute("data-id")}']"));

        // Marked missed today, it is on the missed list.
        var (missedId, _) = await PlanAsync(api, Item(unit, "Unggahan yang terlewat", $"{Day(today)}T07:00", visibility: "internal"));
        var missedItem = await ConsoleSession.PageAsync(browser, $"/console/calendar/items/{missedId}");
        await FollowedAsync(browser, await browser.SubmitAsync(ConsoleSession.Form(missedItem, "form[action$='handler=Status']"),
            new Dictionary<string, string> { ["Status.Status"] = "missed" }));
        var desk = await ConsoleSession.PageAsync(browser, "/console/calendar");
        Assert.NotNull(desk.QuerySelector($"#missed li[data-id='{missedId}']"));

        // The unit's iCal subscription link answers a calendar.
        var feed = desk.QuerySelector("#feed")!.GetAttribute("href")!;
        Assert.Equal(new Uri(Gateway.BaseAddress, $"/api/calendar/units/{unit}/calendar.ics").ToString(), feed);
        var ics = await browser.GetAsync(new Uri(feed).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        await ParseWithPythonAsync(await ics.Content.ReadAsStringAsync());

        // The province's officer sees the roll-up of its regencies, this one's missed item counted.
        var province = await ConsoleSession.NewOfficerAsync("kpu-33", "humas-officer");
        using var provinceBrowser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(provinceBrowser, province.Email, province.Password, "/console/calendar");
        var rollUp = await ConsoleSession.PageAsync(provinceBrowser, $"/console/calendar?view=month&date={Day(today)}");
        var row = rollUp.QuerySelector($"#roll-up tr[data-unit='{unit}']");
        Assert.NotNull(row);
        Assert.True(int.Parse(row.QuerySelectorAll("td")[5].TextContent, CultureInfo.InvariantCulture) >= 1);
        Assert.NotNull(rollUp.QuerySelector($"#missed li[data-id='{missedId}']"));
        var regency = await ConsoleSession.PageAsync(provinceBrowser, $"/console/calendar?view=week&date={Day(start)}&unit={unit}");
        Assert.NotNull(regency.QuerySelector($"li[data-id='{occurrences[0].GetAttribute("data-id")}']"));
    }
}
