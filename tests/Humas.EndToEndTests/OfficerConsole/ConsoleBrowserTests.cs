using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The console in a real browser, Debian's Chromium driven by Playwright through the gateway with
/// JavaScript off: an officer signs in at the provider, finds a request in the inbox and answers
/// it before its deadline. The inbox and the request page, opened with the same session in a
/// context with script on (axe-core is script), pass axe-core (no serious or critical violation)
/// and fit 360 px.
/// </summary>
public sealed partial class ConsoleBrowserTests : ConsoleBrowserTest
{
    [Fact]
    public async Task With_JavaScript_off_an_officer_signs_in_finds_a_request_in_the_inbox_and_answers_it_before_its_deadline()
    {
        var unit = Requests.RandomRegencyUnit();
        using (var anyone = await Gateway.ClientAsync()) await Steps.RegisterAsync(anyone, unit);
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        var request = await Steps.RegisterAsync(clerk, unit);
        var officer = await ConsoleSession.NewOfficerAsync(unit);

        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, "/console/ppid");
        await page.WaitForSelectorAsync("#inbox");
        Assert.EndsWith("/console/ppid", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await AssertAccessibleAndNarrowAsync(context, "/console/ppid", "inbox");

        await page.Locator($"#inbox a:text-is('{request.Number}')").ClickAsync();
        await page.WaitForSelectorAsync("#history");
        await AssertAccessibleAndNarrowAsync(context, $"/console/ppid/{request.Number}", "request");

        await page.GetByLabel("Hasil (Pasal 22 ayat 7)").SelectOptionAsync("granted");
        await page.GetByLabel("Isi jawaban").FillAsync("Salinan berita acara terlampir.");
        await page.GetByLabel("Cara penyampaian").SelectOptionAsync("email");
        await page.Locator("#format").FillAsync("PDF");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Contains("Dijawab", await page.TextContentAsync("#status"), StringComparison.Ordinal);
        Assert.DoesNotContain(request.AccessCode, await page.TextContentAsync("main"), StringComparison.Ordinal);
    }
}
