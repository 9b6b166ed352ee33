using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed partial class ConsoleBrowserTests
{
    /// <summary>
    /// With JavaScript off: an officer records a letter received by post, opens it from the
    /// confirmation and answers it in part with two withheld parts; then opens the objection
    /// register and an objection. Each of these pages passes axe-core and fits 360 px.
    /// </summary>
    [Fact]
    public async Task With_JavaScript_off_an_officer_records_a_posted_request_answers_it_in_part_and_reads_the_objection_register()
    {
        var unit = Requests.RandomRegencyUnit();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var refused = await Steps.RefusedAsync(citizen, clerk, unit);
        var objection = (await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{refused.Number}/objections",
            new { grounds = new[] { "refused-under-exemption", "request-not-fulfilled" }, reasons = "Informasi terbuka" }, 0, refused.AccessCode)))
            .GetProperty("objectionNumber").GetString()!;
        var officer = await ConsoleSession.NewOfficerAsync(unit);

        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, "/console/ppid/new");
        await page.WaitForSelectorAsync("#desk-request");
        await AssertAccessibleAndNarrowAsync(context, "/console/ppid/new", "ppid-new");

        await page.GetByLabel("Surat (pos)").CheckAsync();
        await page.GetByLabel("Nama lengkap").FillAsync("Budi Santoso");
        await page.Locator("#nik").FillAsync("3374011208850002");
        await page.Locator("#address").FillAsync("Jl. Pemuda 3, Semarang");
        await page.Locator("#phone").FillAsync("081298765432");
        await page.Locator("#information").FillAsync("Daftar pemilih tetap tingkat desa");
        await page.Locator("#purpose").FillAsync("Pemantauan pemilu");
        await page.Locator("input[name='Form.ObtainBy'][value=copy]").CheckAsync();
        await page.Locator("#delivery").SelectOptionAsync("post");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat permohonan" }).ClickAsync();
        await page.WaitForSelectorAsync("#registered");
        var number = (await page.TextContentAsync("#number"))!.Trim();

        await page.Locator("#open").ClickAsync();
        await page.WaitForSelectorAsync("#history");
        await AssertAccessibleAndNarrowAsync(context, $"/console/ppid/{number}", "ppid-request-actions");
        await page.Locator("#outcome").SelectOptionAsync("granted-in-part");
        await page.Locator("#summary").FillAsync("Daftar diberikan dengan NIK dihitamkan.");
        await page.Locator("#delivery").SelectOptionAsync("post");
        await page.Locator("#format").FillAsync("Salinan cetak");
        await page.GetByLabel("Bagian 1 yang dikecualikan").FillAsync("NIK pemilih");
        await page.GetByLabel("Pengecualian Pasal 17 untuk bagian 1").SelectOptionAsync("h");
        await page.GetByLabel("Alasan bagian 1 dihitamkan").FillAsync("Data pribadi");
        await page.GetByLabel("Bagian 2 yang dikecualikan").FillAsync("Tanggal lahir pemilih");
        await page.GetByLabel("Pengecualian Pasal 17 untuk bagian 2").SelectOptionAsync("h");
        await page.GetByLabel("Alasan bagian 2 dihitamkan").FillAsync("Data pribadi");
        await page.Locator("#consequence").FillAsync("Membuka data pribadi merugikan pemilih.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Contains("Diberikan sebagian", await page.TextContentAsync("#status"), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Register keberatan" }).First.ClickAsync();
        await page.WaitForSelectorAsync("#objections");
        await AssertAccessibleAndNarrowAsync(context, "/console/ppid/objections", "ppid-objections");
        await page.Locator($"#objections a:text-is('{objection}')").ClickAsync();
        await page.WaitForSelectorAsync("#superior-only");
        await AssertAccessibleAndNarrowAsync(context, $"/console/ppid/objections/{objection}", "ppid-objection");
    }
}
