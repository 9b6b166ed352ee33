using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The DIP desk, the register, the annual report and the compliance view in Debian's Chromium
/// with JavaScript off: an officer drafts an entry with a form and publishes it. Each page, opened
/// with the same session in a context with script on (axe-core is script), passes axe-core and
/// fits 360 px.
/// </summary>
public sealed class DipBrowserTests : ConsoleBrowserTest
{
    [Fact]
    public async Task With_JavaScript_off_an_officer_drafts_and_publishes_a_DIP_entry_and_the_desk_register_report_and_compliance_pages_pass_axe_at_360_px()
    {
        var unit = Requests.RandomRegencyUnit();
        using (var anyone = await Gateway.ClientAsync()) await Steps.RegisterAsync(anyone, unit);
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, "/console/dip");
        await page.WaitForSelectorAsync("#draft-new");
        await AssertAccessibleAndNarrowAsync(context, "/console/dip", "dip");

        await page.Locator("#draft-new").ClickAsync();
        await page.WaitForSelectorAsync("form#draft");
        await AssertAccessibleAndNarrowAsync(context, $"/console/dip/new?unit={unit}", "dip-new");
        var title = $"Profil KPU {Guid.NewGuid():N}"[..30];
        await page.GetByLabel("Judul informasi").FillAsync(title);
        await page.GetByLabel("Ringkasan isi informasi").FillAsync("Profil singkat kantor, tugas dan wewenang.");
        await page.Locator("#category").SelectOptionAsync("setiap-saat");
        await page.GetByLabel("Pejabat atau unit yang menguasai informasi").FillAsync("Subbagian Umum");
        await page.GetByLabel("Salinan elektronik (softcopy)").CheckAsync();
        await page.GetByLabel("Jangka waktu penyimpanan").FillAsync("Permanen");
        await page.GetByLabel("Tahun pembuatan informasi").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        var entryPath = new Uri(page.Url).AbsolutePath;
        await AssertAccessibleAndNarrowAsync(context, entryPath, "dip-entry");

        await page.GetByRole(AriaRole.Button, new() { Name = "Umumkan entri" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Equal("published", await page.GetAttributeAsync("#status", "data-status"));

        foreach (var (path, what) in new[]
        {
            ("/console/ppid/register", "register"), ($"/console/ppid/report?year={DateTime.UtcNow.Year}", "report"), ("/console/ppid/compliance", "compliance"),
        })
            await AssertAccessibleAndNarrowAsync(context, path, what);
    }
}
