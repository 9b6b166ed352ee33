using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// A recurring item on the humas calendar desk, as a browser without script: one weekly occurrence
/// skipped leaves the month view; the series ended after a day takes the later occurrences off it
/// while the earlier ones stay; the end form shown before is stale and refused with a clear message.
/// </summary>
public sealed class CalendarSeriesTests
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<IHtmlDocument> FollowedAsync(Browser browser, HttpResponseMessage response, string done)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.EndsWith($"done={done}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await Browser.ParseAsync(await browser.FollowAsync(response));
        Assert.NotNull(page.QuerySelector("#done"));
        return page;
    }

    private static async Task<bool> InMonthViewAsync(Browser browser, DateOnly day, string id)
    {
        var month = await ConsoleSession.PageAsync(browser, $"/console/calendar?view=month&date={Day(day)}");
        Assert.NotNull(month.QuerySelector($"li[data-date='{Day(day)}']"));
        return month.QuerySelector($"li[data-date='{Day(day)}'] li[data-id='{id}']") is not null;
    }

    [Fact]
    public async Task An_officer_skips_one_weekly_occurrence_and_ends_the_series_from_a_day_and_they_leave_the_month_view()
    {
        var unit = Requests.RandomRegencyUnit();
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password, "/console/calendar");

        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1);
        var days = Enumerable.Range(0, 4).Select(week => start.AddDays(7 * week)).ToList();
        var created = await browser.SubmitAsync(ConsoleSession.Form(await ConsoleSession.PageAsync(browser, "/console/calendar/new"), "form[action$='handler=Series']"),
            new Dictionary<string, string>
            {
                ["Series.Title"] = "Bincang pemilu mingguan", ["Series.Kind"] = "press-release", ["Series.Time"] = "09:00", ["Series.Start"] = Day(start),
                ["Series.Count"] = "4", ["Series.Weekdays"] = start.DayOfWeek.ToString().ToLowerInvariant(),
            });
        var series = await FollowedAsync(browser, created, "created");
        var ids = days.Select(d => series.QuerySelector($"#occurrences li[data-date='{Day(d)}']")!.GetAttribute("data-id")!).ToList();
        for (var i = 0; i < days.Count; i++) Assert.True(await InMonthViewAsync(browser, days[i], ids[i]), Day(days[i]));

        // The second week is skipped: cancelled on the series page, gone from the month view; the others stay.
        var skipped = await FollowedAsync(browser, await browser.SubmitAsync(
            (IHtmlFormElement)series.QuerySelector($"#occurrences li[data-date='{Day(days[1])}'] form")!, new Dictionary<string, string>()), "skipped");
        Assert.Equal("cancelled", skipped.QuerySelector($"#occurrences li[data-date='{Day(days[1])}']")!.GetAttribute("data-status"));
        Assert.Null(skipped.QuerySelector($"#occurrences li[data-date='{Day(days[1])}'] form"));
        Assert.False(await InMonthViewAsync(browser, days[1], ids[1]));
        Assert.True(await InMonthViewAsync(browser, days[0], ids[0]));
        Assert.True(await InMonthViewAsync(browser, days[2], ids[2]));

        // A refused end (no last date) keeps the reason typed, with the problem by the field.
        var refused = await browser.SubmitAsync(ConsoleSession.Form(skipped, "form[action$='handler=End']"),
            new Dictionary<string, string> { ["LastDate"] = "", ["Reason"] = "Narasumber pindah tugas" });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector(".error[data-field='lastDate']"));
        Assert.Equal("Narasumber pindah tugas", refusedPage.QuerySelector("#series-end-reason")!.TextContent);

        // Ended after the third week: the fourth leaves the month view, the first and third stay.
        var ended = await FollowedAsync(browser, await browser.SubmitAsync(ConsoleSession.Form(refusedPage, "form[action$='handler=End']"),
            new Dictionary<string, string> { ["LastDate"] = Day(days[2]), ["Reason"] = "Narasumber pindah tugas" }), "ended");
        Assert.Equal("cancelled", ended.QuerySelector($"#occurrences li[data-date='{Day(days[3])}']")!.GetAttribute("data-status"));
        Assert.Equal("planned", ended.QuerySelector($"#occurrences li[data-date='{Day(days[2])}']")!.GetAttribute("data-status"));
        Assert.False(await InMonthViewAsync(browser, days[3], ids[3]));
        Assert.True(await InMonthViewAsync(browser, days[2], ids[2]));
        Assert.True(await InMonthViewAsync(browser, days[0], ids[0]));

        // The end form shown before the end is stale: refused with a clear message, nothing changed.
        var stale = await browser.SubmitAsync(ConsoleSession.Form(skipped, "form[action$='handler=End']"),
            new Dictionary<string, string> { ["LastDate"] = Day(days[0]) });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("planned", stalePage.QuerySelector($"#occurrences li[data-date='{Day(days[2])}']")!.GetAttribute("data-status"));
    }
}
