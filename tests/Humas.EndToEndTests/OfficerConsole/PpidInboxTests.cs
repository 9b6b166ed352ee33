using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed class PpidInboxTests
{
    private static DateOnly TodayInJawaTengah => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>A moment of receipt whose answer is due on the next working day after today (the unit's calendar): due within three working days.</summary>
    private static async Task<DateTimeOffset> ReceivedSoDueNextWorkingDayAsync(string unit)
    {
        using var anyone = await Gateway.ClientAsync();
        var now = DateTimeOffset.UtcNow;
        for (var daysBack = 5; daysBack < 30; daysBack++)
        {
            // Stepping back a day moves the due date back by at most one working day: the last one after today is the next working day.
            var receivedAt = now.AddDays(-daysBack);
            var deadline = await Steps.GetAsync(anyone, $"/api/ppid/deadlines?unitId={unit}&receivedAt={Uri.EscapeDataString(receivedAt.ToString("O", CultureInfo.InvariantCulture))}");
            var due = DateOnly.Parse(deadline.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
            if (due <= TodayInJawaTengah) return now.AddDays(-(daysBack - 1));
        }
        throw new InvalidOperationException("No moment of receipt found whose answer falls due soon.");
    }

    private static List<(string Number, string Urgency)> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("#inbox tbody tr").Select(r => (r.GetAttribute("data-number")!, r.GetAttribute("data-urgency")!)).ToList();

    [Fact]
    public async Task The_inbox_shows_the_units_open_requests_soonest_due_first_highlights_what_is_late_or_due_soon_and_never_another_units()
    {
        var unit = Requests.RandomRegencyUnit();
        var neighbour = unit == "kpu-33.21" ? "kpu-33.22" : "kpu-33.21";
        using var anyone = await Gateway.ClientAsync();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        var fresh = await Steps.RegisterAsync(anyone, unit);
        var late = await Steps.RegisterAsync(clerk, unit, DateTimeOffset.UtcNow.AddDays(-40));
        var soon = await Steps.RegisterAsync(clerk, unit, await ReceivedSoDueNextWorkingDayAsync(unit));
        Assert.True(soon.DueDate > TodayInJawaTengah, $"due {soon.DueDate}");
        var elsewhere = await Steps.RegisterAsync(anyone, neighbour);

        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        var signedIn = await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password, "/console/ppid");
        Assert.Equal(HttpStatusCode.OK, signedIn.Landing.StatusCode);
        var inbox = await Browser.ParseAsync(signedIn.Landing);

        var rows = Rows(inbox);
        var ours = rows.Where(r => r.Number == fresh.Number || r.Number == late.Number || r.Number == soon.Number).ToList();
        Assert.Equal([(late.Number, "overdue"), (soon.Number, "due-soon"), (fresh.Number, "none")], ours);
        var dueDates = inbox.QuerySelectorAll("#inbox tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()[..10]).ToList();
        Assert.Equal(dueDates.Order(StringComparer.Ordinal), dueDates);
        Assert.DoesNotContain(rows, r => r.Number == elsewhere.Number);
        // The requester's name, NIK and address are not in the list.
        var html = inbox.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Siti Aminah", html, StringComparison.Ordinal);
        Assert.DoesNotContain("3321015708900001", html, StringComparison.Ordinal);

        // Filters: the channel (the two entered by the officer are walk-ins), the status.
        var online = Rows(await ConsoleSession.PageAsync(browser, "/console/ppid?channel=online"));
        Assert.Contains(online, r => r.Number == fresh.Number);
        Assert.DoesNotContain(online, r => r.Number == late.Number || r.Number == soon.Number);
        var walkIns = Rows(await ConsoleSession.PageAsync(browser, "/console/ppid?channel=walk-in"));
        Assert.Contains(walkIns, r => r.Number == late.Number);
        Assert.DoesNotContain(walkIns, r => r.Number == fresh.Number);
        Assert.DoesNotContain(Rows(await ConsoleSession.PageAsync(browser, "/console/ppid?status=answered")), r => r.Number == fresh.Number);

        // Another regency's request is not shown, even by its address; nor is the neighbour a unit to filter by.
        var other = await browser.GetAsync($"/console/ppid/{elsewhere.Number}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(elsewhere.Number, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Rows(await ConsoleSession.PageAsync(browser, $"/console/ppid?unit={neighbour}&status=all")), r => r.Number == elsewhere.Number);
    }

    [Fact]
    public async Task A_provincial_officer_sees_the_regencies_requests_and_filters_by_unit()
    {
        var regency = Requests.RandomRegencyUnit();
        using var anyone = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(anyone, regency);
        var officer = await ConsoleSession.NewOfficerAsync("kpu-33");
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);

        var filtered = await ConsoleSession.PageAsync(browser, $"/console/ppid?unit={regency}");
        Assert.Contains(Rows(filtered), r => r.Number == request.Number);
        Assert.Equal(regency, filtered.QuerySelector("#unit option[selected]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/console/ppid/{request.Number}")).StatusCode);
    }
}
