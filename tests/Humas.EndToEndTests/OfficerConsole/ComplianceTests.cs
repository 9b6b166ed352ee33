using Humas.EndToEndTests.Calendar;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>The compliance view of berkala obligations in the console: an entry published from the DIP desk is done, then due, then missed, as the Calendar says.</summary>
public sealed class ComplianceTests
{
    [Fact]
    public async Task A_berkala_entry_published_from_the_desk_shows_as_done_then_due_then_missed()
    {
        var unit = Requests.RandomRegencyUnit();
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var title = $"Laporan keuangan berkala {Guid.NewGuid():N}"[..40];
        var blank = await ConsoleSession.PageAsync(browser, $"/console/dip/new?unit={unit}");
        var drafted = await Browser.ParseAsync(await browser.FollowAsync(await DipDeskTests.PostAsync(browser, ConsoleSession.Form(blank, "form#draft"),
            ("Entry.Title", title), ("Entry.Summary", "Laporan keuangan semester"), ("Entry.Category", "berkala"), ("Entry.ResponsibleOfficial", "Subbagian Keuangan"),
            ("Entry.RetentionPeriod", "5 tahun"), ("Entry.Year", DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Entry.Formats", "softcopy"))));
        var published = await Browser.ParseAsync(await browser.FollowAsync(await DipDeskTests.PostAsync(browser,
            ConsoleSession.Form(drafted, "form[action$='handler=Publish']"))));
        Assert.Equal("published", published.QuerySelector("#status")!.GetAttribute("data-status"));
        var entryId = published.QuerySelector("form[action$='handler=Withdraw']")!.GetAttribute("action")!.Split('?')[0].Split('/')[^1];

        async Task<bool> InAsync(string state) =>
            (await ConsoleSession.PageAsync(browser, $"/console/ppid/compliance?unit={unit}"))
                .QuerySelector($"table#{state} tr[data-obligation='{entryId}']") is not null;

        // Published: done, the next one due in six months.
        await Gateway.EventuallyAsync(() => InAsync("scheduled"), TimeSpan.FromSeconds(60), "the obligation done on the compliance view");
        var due = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime).AddMonths(6);
        var page = await ConsoleSession.PageAsync(browser, $"/console/ppid/compliance?unit={unit}");
        Assert.Equal(due.ToString("yyyy-MM-dd"), page.QuerySelector($"table#scheduled tr[data-obligation='{entryId}'] td:nth-child(3)")!.TextContent.Trim());
        Assert.Equal($"/console/dip/{entryId}", page.QuerySelector($"table#scheduled tr[data-obligation='{entryId}'] a")!.GetAttribute("href"));

        await CalendarSteps.SweepAsync(new DateTimeOffset(due.AddDays(-5).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)));
        await Gateway.EventuallyAsync(() => InAsync("due"), TimeSpan.FromSeconds(60), "the obligation due on the compliance view");

        await CalendarSteps.SweepAsync(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(0, 30)), TimeSpan.FromHours(7)));
        await Gateway.EventuallyAsync(() => InAsync("overdue"), TimeSpan.FromSeconds(60), "the obligation missed on the compliance view");
        Assert.False(await InAsync("scheduled"));
    }
}
