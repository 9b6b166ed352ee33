using System.Net;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Calendar;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed class SummaryTests
{
    private static string Cell(IHtmlDocument page, string unit, string column) =>
        page.QuerySelector($"#summary tr[data-unit='{unit}'] td[data-column='{column}']")!.TextContent.Trim();

    [Fact]
    public async Task The_summary_counts_a_request_answered_on_time_for_the_supervisors_unit_and_lists_no_other_unit()
    {
        var unit = Requests.RandomRegencyUnit();
        using var browser = await Browser.OpenAsync();
        await SupervisorSession.SignedInAsync(browser, unit);
        var year = DateTime.UtcNow.AddHours(7).Year;
        var before = await ConsoleSession.PageAsync(browser, $"/console/summary?year={year}");
        Assert.Equal([unit, "total"], before.QuerySelectorAll("#summary tr[data-unit]").Select(r => r.GetAttribute("data-unit")));
        var onTime = int.Parse(Cell(before, unit, "on-time"), System.Globalization.CultureInfo.InvariantCulture);
        var open = int.Parse(Cell(before, unit, "open"), System.Globalization.CultureInfo.InvariantCulture);

        using var anyone = await Gateway.ClientAsync();
        var answered = await Steps.RegisterAsync(anyone, unit);
        await Steps.RegisterAsync(anyone, unit);
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        var version = (await Steps.GetAsync(clerk, $"/api/ppid/requests/{answered.Number}")).GetProperty("version").GetInt64();
        var answer = await Steps.PostAsync(clerk, $"/api/ppid/requests/{answered.Number}/answer",
            new { outcome = "granted", summary = "Terlampir", delivery = "email", format = "PDF" }, version);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());

        var after = await ConsoleSession.PageAsync(browser, $"/console/summary?year={year}");
        Assert.Equal((onTime + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(after, unit, "on-time"));
        Assert.Equal((open + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(after, unit, "open"));
        Assert.Equal(Cell(after, unit, "on-time"), Cell(after, "total", "on-time"));
    }

    [Fact]
    public async Task A_provincial_supervisor_sees_the_province_and_its_regencies_and_nothing_of_another_province()
    {
        using var browser = await Browser.OpenAsync();
        await SupervisorSession.SignedInAsync(browser, "kpu-33");
        var page = await ConsoleSession.PageAsync(browser, "/console/summary");
        var units = page.QuerySelectorAll("#summary tr[data-unit]").Select(r => r.GetAttribute("data-unit")!).ToList();
        Assert.Equal("kpu-33", units[0]);
        Assert.Contains("kpu-33.21", units);
        Assert.True(units.Count > 30, $"{units.Count} rows");
        Assert.All(units.Where(u => u != "total"), u => Assert.StartsWith("kpu-33", u, StringComparison.Ordinal));
        foreach (var table in new[] { "publications", "hoaxes" })
        {
            var rows = page.QuerySelectorAll($"#{table} tr[data-unit]").Select(r => r.GetAttribute("data-unit")!).ToList();
            Assert.Equal(units.Where(u => u != "total"), rows);
        }
    }

    [Fact]
    public async Task A_supervisor_sees_publications_on_time_and_missed_and_hoax_figures_and_a_ppid_officer_is_refused_the_view()
    {
        var unit = Requests.RandomRegencyUnit();
        using var browser = await Browser.OpenAsync();
        await SupervisorSession.SignedInAsync(browser, unit);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var before = await ConsoleSession.PageAsync(browser, $"/console/summary?year={today.Year}");
        Assert.Null(before.QuerySelector("#denied"));
        int Publications(IHtmlDocument page, string column) =>
            int.Parse(page.QuerySelector($"#publications tr[data-unit='{unit}'] td[data-column='{column}']")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var (missedBefore, lateBefore) = (Publications(before, "missed"), Publications(before, "published-late"));
        foreach (var column in new[] { "reports", "cases", "clarified", "past-target" })
            Assert.True(int.TryParse(before.QuerySelector($"#hoaxes tr[data-unit='{unit}'] td[data-column='{column}']")!.TextContent.Trim(), out _), column);

        // One item of the humas calendar passes its day unpublished (missed), another is published after its day (late).
        var day = new DateOnly(today.Year, 1, 1).AddDays(Random.Shared.Next(0, Math.Max(1, today.DayOfYear - 2)));
        using var humas = await Steps.AsAsync("humas-officer", unit);
        await CalendarSteps.PlanAsync(humas, CalendarSteps.Item(unit, "Rilis yang terlewat", $"{day:yyyy-MM-dd}T10:00"));
        var (lateId, _) = await CalendarSteps.PlanAsync(humas, CalendarSteps.Item(unit, "Rilis yang terlambat", $"{day:yyyy-MM-dd}T11:00"));
        await CalendarSteps.SweepAsync();
        await Steps.OkAsync(await CalendarSteps.SendAsync(humas, HttpMethod.Post, $"{CalendarSteps.Publications}/{lateId}/status", "\"2\"", new { status = "published" }));

        var after = await ConsoleSession.PageAsync(browser, $"/console/summary?year={today.Year}");
        Assert.Equal(missedBefore + 1, Publications(after, "missed"));
        Assert.Equal(lateBefore + 1, Publications(after, "published-late"));

        var clerk = await ConsoleSession.NewOfficerAsync(unit);
        using var clerkBrowser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(clerkBrowser, clerk.Email, clerk.Password);
        var refused = await ConsoleSession.PageAsync(clerkBrowser, "/console/summary", HttpStatusCode.Forbidden);
        Assert.Contains("hanya untuk atasan", refused.QuerySelector("#denied")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("#summary"));
        Assert.Null(refused.QuerySelector("#publications"));
    }
}
