using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed partial class ConsoleBrowserTests
{
    /// <summary>
    /// With JavaScript off: an officer enters the clarification answer a requester gave by telephone,
    /// then, on a decided objection's page that shows the reasons, records the dispute taken to the
    /// Komisi Informasi. Both pages pass axe-core and fit 360 px with their forms.
    /// </summary>
    [Fact]
    public async Task With_JavaScript_off_an_officer_enters_a_clarification_answer_and_records_a_dispute()
    {
        var unit = Requests.RandomRegencyUnit();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var asked = await Steps.RegisterAsync(citizen, unit);
        await Steps.OkAsync(await Steps.PostAsync(clerk, $"/api/ppid/requests/{asked.Number}/clarification-request", new { question = "Desa mana yang dimaksud?" }, 1));
        var refused = await Steps.RefusedAsync(citizen, clerk, unit);
        var objection = (await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{refused.Number}/objections",
            new { grounds = new[] { "refused-under-exemption" }, reasons = "Informasi terbuka" }, 0, refused.AccessCode))).GetProperty("objectionNumber").GetString()!;
        using var superior = await Steps.AsAsync("supervisor", unit);
        var version = (await Steps.GetAsync(superior, $"/api/ppid/objections/{objection}")).GetProperty("version").GetInt64();
        await Steps.OkAsync(await Steps.PostAsync(superior, $"/api/ppid/objections/{objection}/decision", new { decision = "rejected", reasons = "Dikuatkan" }, version));
        var officer = await ConsoleSession.NewOfficerAsync(unit);

        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, $"/console/ppid/{asked.Number}");
        await page.WaitForSelectorAsync("#clarification-question");
        await AssertAccessibleAndNarrowAsync(context, $"/console/ppid/{asked.Number}", "ppid-clarification-answer");
        await page.GetByLabel("Jawaban pemohon").FillAsync("Desa Bonang, disampaikan lewat telepon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat jawaban klarifikasi" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Contains("Terdaftar", await page.TextContentAsync("#status"), StringComparison.Ordinal);

        await page.GotoAsync($"/console/ppid/objections/{objection}");
        await page.WaitForSelectorAsync("#dispute-form");
        await AssertAccessibleAndNarrowAsync(context, $"/console/ppid/objections/{objection}", "ppid-objection-dispute");
        Assert.Contains("Dikuatkan", await page.TextContentAsync("#decision-reasons"), StringComparison.Ordinal);
        await page.GetByLabel("Nomor register sengketa di Komisi Informasi (bila ada)").FillAsync("007/REG-PSI/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat sengketa" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Contains("007/REG-PSI/2026", await page.TextContentAsync("#dispute-filed"), StringComparison.Ordinal);
    }
}
