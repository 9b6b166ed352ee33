using System.Net;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed class SummaryTests
{
    private static string Cell(IHtmlDocument page, string unit, string column) =>
        page.QuerySelector($"#summary tr[data-unit='{unit}'] td[data-column='{column}']")!.TextContent.Trim();

    [Fact]
    public async Task The_summary_counts_a_request_answered_on_time_for_the_officers_unit_and_lists_no_other_unit()
    {
        var unit = Requests.RandomRegencyUnit();
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
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
    public async Task A_provincial_officer_sees_the_province_and_its_regencies_and_nothing_of_another_province()
    {
        var officer = await ConsoleSession.NewOfficerAsync("kpu-33");
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var page = await ConsoleSession.PageAsync(browser, "/console/summary");
        var units = page.QuerySelectorAll("#summary tr[data-unit]").Select(r => r.GetAttribute("data-unit")!).ToList();
        Assert.Equal("kpu-33", units[0]);
        Assert.Contains("kpu-33.21", units);
        Assert.True(units.Count > 30, $"{units.Count} rows");
        Assert.All(units.Where(u => u != "total"), u => Assert.StartsWith("kpu-33", u, StringComparison.Ordinal));
    }
}
