using System.Globalization;
using System.Net;
using System.Text;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.VisualBasic.FileIO;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>The register of requests and the annual report in the console: paged and filtered, each with its CSV download for a signed-in officer without script.</summary>
public sealed class RegisterReportTests
{
    /// <summary>Reads CSV with .NET's TextFieldParser, not the code that wrote it.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return rows;
    }

    private static async Task<string> DownloadAsync(Browser browser, string link)
    {
        var response = await browser.GetAsync(link);
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 800)]}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        return body.TrimStart('\uFEFF');
    }

    [Fact]
    public async Task The_register_is_paged_and_filtered_by_status_and_period_and_downloads_as_CSV_and_a_bad_period_is_refused_by_its_field()
    {
        var unit = Requests.RandomRegencyUnit();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        // Three requests received on a day of their own, one of them answered.
        var day = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-Random.Shared.Next(400, 1000)).AddHours(3), TimeSpan.Zero);
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++) numbers.Add((await Steps.RegisterAsync(clerk, unit, day.AddMinutes(i))).Number);
        var version = (await Steps.GetAsync(clerk, $"/api/ppid/requests/{numbers[0]}")).GetProperty("version").GetInt64();
        await Steps.OkAsync(await Steps.PostAsync(clerk, $"/api/ppid/requests/{numbers[0]}/answer",
            new { outcome = "granted", summary = "Terlampir", delivery = "email", format = "PDF" }, version));
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var period = $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";

        // Two a page: the day's three requests over two pages, newest first, none twice.
        var first = await ConsoleSession.PageAsync(browser, $"/console/ppid/register?{period}&size=2");
        var firstRows = first.QuerySelectorAll("#register tr[data-number]").Select(r => r.GetAttribute("data-number")!).ToList();
        Assert.Equal(2, firstRows.Count);
        var second = await ConsoleSession.PageAsync(browser, first.QuerySelector("#next-page")!.GetAttribute("href")!);
        var secondRows = second.QuerySelectorAll("#register tr[data-number]").Select(r => r.GetAttribute("data-number")!).ToList();
        Assert.Equal(numbers.Order(), firstRows.Concat(secondRows).Order());
        Assert.Equal(numbers[2], firstRows[0]);
        Assert.NotNull(second.QuerySelector("#first-page"));

        // By status.
        var registered = await ConsoleSession.PageAsync(browser, $"/console/ppid/register?{period}&status=registered");
        Assert.Equal(numbers.Skip(1).Order(), registered.QuerySelectorAll("#register tr[data-number]").Select(r => r.GetAttribute("data-number")!).Order());
        var answered = await ConsoleSession.PageAsync(browser, $"/console/ppid/register?{period}&status=answered");
        Assert.Equal([numbers[0]], answered.QuerySelectorAll("#register tr[data-number]").Select(r => r.GetAttribute("data-number")!));

        // The CSV of what is shown: every row under the filters, read by an independent parser.
        var csv = ParseCsv(await DownloadAsync(browser, registered.QuerySelector("a#csv")!.GetAttribute("href")!));
        Assert.Equal(3, csv.Count); // the header and two rows
        var column = Array.IndexOf(csv[0], csv[0].First(h => h.Contains("registrasi", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(numbers.Skip(1).Order(), csv.Skip(1).Select(r => r[column]).Order());

        // A period that ends before it starts: refused next to the field, what was typed kept, no CSV link.
        var reversed = await browser.GetAsync($"/console/ppid/register?from={day:yyyy-MM-dd}&to={day.AddDays(-3):yyyy-MM-dd}");
        Assert.Equal((HttpStatusCode)422, reversed.StatusCode);
        var reversedPage = await Browser.ParseAsync(reversed);
        Assert.NotNull(reversedPage.QuerySelector(".error[data-field='from']"));
        Assert.Equal("true", reversedPage.QuerySelector("#from")!.GetAttribute("aria-invalid"));
        Assert.Equal($"{day:yyyy-MM-dd}", reversedPage.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Equal($"{day.AddDays(-3):yyyy-MM-dd}", reversedPage.QuerySelector("#to")!.GetAttribute("value"));
        Assert.Null(reversedPage.QuerySelector("a#csv"));

        // Only a signed-in officer downloads: a browser without the session is sent to sign in.
        using var stranger = await Browser.OpenAsync();
        var unsigned = await stranger.GetAsync(registered.QuerySelector("a#csv")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Found, unsigned.StatusCode);
    }

    [Fact]
    public async Task The_annual_report_of_a_unit_and_year_shows_its_figures_and_downloads_as_CSV()
    {
        var unit = Requests.RandomRegencyUnit();
        var year = DateTime.UtcNow.Year;
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var before = await ConsoleSession.PageAsync(browser, $"/console/ppid/report?year={year}");
        int Received(AngleSharp.Html.Dom.IHtmlDocument page) =>
            int.Parse(page.QuerySelector("#report tr[data-figure='received'] td")!.TextContent.Trim(), CultureInfo.InvariantCulture);
        var received = Received(before);

        using var anyone = await Gateway.ClientAsync();
        await Steps.RegisterAsync(anyone, unit);
        var after = await ConsoleSession.PageAsync(browser, $"/console/ppid/report?year={year}");
        Assert.Equal(received + 1, Received(after));

        var csv = ParseCsv(await DownloadAsync(browser, after.QuerySelector("a#csv")!.GetAttribute("href")!));
        Assert.Contains(csv, r => r.Length == 2 && r[1] == unit);
        Assert.Contains(csv, r => r.Length == 2 && r[1] == (received + 1).ToString(CultureInfo.InvariantCulture));
    }
}
