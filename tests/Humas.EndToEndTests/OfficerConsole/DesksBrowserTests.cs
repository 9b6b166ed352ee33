using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The clarifications and newsroom desks in Debian's Chromium through the gateway, JavaScript off,
/// 360 px wide: each desk's main journey with two officers (the author, then a second officer who
/// approves), and its pages checked with axe-core (in a context with script on, signed in alike)
/// and for sideways scrolling.
/// </summary>
public sealed class DesksBrowserTests : ConsoleBrowserTest
{
    /// <summary>A context without script at 360 px, signed in at the provider as a new humas officer of the unit.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(string unit, string start)
    {
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, start);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == start);
        return (context, page);
    }

    [Fact]
    public async Task With_JavaScript_off_a_reported_claim_is_verified_drafted_approved_by_a_second_officer_and_published_from_the_clarifications_desk()
    {
        var unit = Requests.RandomRegencyUnit();
        var village = CaseLifecycleTests.Village();
        await ClarificationsDeskTests.ReportAsync(unit, village, screenshot: true);
        var (authorContext, author) = await SignedInAsync(unit, "/console/clarifications");
        await using var _ = authorContext;
        await AssertAccessibleAndNarrowAsync(authorContext, "/console/clarifications", "clarifications");

        await author.Locator("table[data-track='media-team'] a", new() { HasTextString = village }).ClickAsync();
        await author.WaitForSelectorAsync("#reports img");
        var casePath = new Uri(author.Url).AbsolutePath;
        await author.GetByLabel("Label", new() { Exact = true }).SelectOptionAsync("hoaks");
        await author.GetByRole(AriaRole.Button, new() { Name = "Simpan label" }).ClickAsync();
        await author.WaitForSelectorAsync("#done");
        await author.Locator("#draft-title").FillAsync($"Surat suara tercoblos di {village}");
        await author.Locator("#draft-explanation").FillAsync("Foto yang beredar adalah **surat suara latihan**.");
        await author.Locator("#draft-facts").FillAsync("Surat suara asli masih tersegel.");
        await author.Locator("#draft-conclusion").FillAsync("Klaim tersebut tidak benar.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Simpan draf dan pratinjau" }).ClickAsync();
        await author.WaitForSelectorAsync("#preview .clarifications-body strong");
        await AssertAccessibleAndNarrowAsync(authorContext, casePath, "clarification-case");

        var (approverContext, approver) = await SignedInAsync(unit, casePath);
        await using (approverContext)
        {
            await approver.GetByRole(AriaRole.Button, new() { Name = "Setujui draf" }).ClickAsync();
            await approver.WaitForSelectorAsync("#done");
        }
        await author.GotoAsync(casePath);
        await author.GetByRole(AriaRole.Button, new() { Name = "Terbitkan klarifikasi" }).ClickAsync();
        await author.WaitForSelectorAsync("#done");
        Assert.Equal("published", await author.Locator("#status").GetAttributeAsync("data-status"));
        await AssertAccessibleAndNarrowAsync(authorContext, casePath, "clarification-published");
    }

    [Fact]
    public async Task With_JavaScript_off_a_release_is_drafted_submitted_approved_by_a_second_officer_and_published_under_embargo_from_the_newsroom_desk()
    {
        var unit = Requests.RandomRegencyUnit();
        var (authorContext, author) = await SignedInAsync(unit, "/console/media");
        await using var _ = authorContext;
        await AssertAccessibleAndNarrowAsync(authorContext, "/console/media", "newsroom");
        await AssertAccessibleAndNarrowAsync(authorContext, "/console/media/new", "newsroom-new");

        await author.Locator("#new-release").ClickAsync();
        var headline = $"Rapat pleno {Guid.NewGuid():N}"[..28];
        await author.Locator("#release-headline").FillAsync(headline);
        await author.Locator("#release-summary").FillAsync("Rapat pleno terbuka menetapkan DPT.");
        await author.Locator("#release-body").FillAsync("Rapat pleno **terbuka** digelar di aula.");
        await author.Locator("input[type=checkbox][value='pemilu']").CheckAsync();
        await author.Locator("#release-place").FillAsync("Kendal");
        await author.Locator("#release-contact-name").FillAsync("Bagian Humas");
        await author.Locator("#release-contact-role").FillAsync("Kepala Subbagian Humas");
        await author.Locator("#release-contact-phone").FillAsync("+62 24 8311111");
        await author.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await author.WaitForSelectorAsync("#preview .media-body strong");
        var releasePath = new Uri(author.Url).AbsolutePath;
        await AssertAccessibleAndNarrowAsync(authorContext, releasePath, "newsroom-release");
        await author.GetByRole(AriaRole.Button, new() { Name = "Kirim untuk ditelaah" }).ClickAsync();
        await author.WaitForSelectorAsync("#done");

        var (reviewerContext, reviewer) = await SignedInAsync(unit, releasePath);
        await using (reviewerContext)
        {
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Setujui", Exact = true }).ClickAsync();
            await reviewer.WaitForSelectorAsync("#done");
            // Under embargo for half an hour (a time in the unit's zone, WIB).
            var until = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddMinutes(30);
            await reviewer.Locator("#embargo-input").FillAsync(until.ToString("yyyy-MM-dd'T'HH:mm"));
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true }).ClickAsync();
            await reviewer.WaitForSelectorAsync("#done, #refused");
            Assert.Equal(0, await reviewer.Locator("#refused").CountAsync());
            Assert.Equal("published", await reviewer.Locator("#status").GetAttributeAsync("data-status"));
            Assert.Contains("embargo", await reviewer.Locator("#status").TextContentAsync(), StringComparison.Ordinal);
        }
        await author.GotoAsync("/console/media?state=scheduled");
        Assert.Equal(1, await author.Locator("#releases a", new() { HasTextString = headline }).CountAsync());
        await AssertAccessibleAndNarrowAsync(authorContext, "/console/media/journalists", "newsroom-journalists");
        await AssertAccessibleAndNarrowAsync(authorContext, "/console/media/webhooks", "newsroom-webhooks");
    }
}
