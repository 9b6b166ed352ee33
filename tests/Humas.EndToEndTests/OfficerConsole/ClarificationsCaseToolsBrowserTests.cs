using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// A case that names a similar open case, in Debian's Chromium through the gateway, JavaScript off,
/// 360 px wide: the page with the similar case, the image upload and the draft's "Pratinjau" passes
/// axe-core and fits 360 px; the officer keeps the two cases apart with the button.
/// </summary>
public sealed class ClarificationsCaseToolsBrowserTests : ConsoleBrowserTest
{
    [Fact]
    public async Task With_JavaScript_off_a_case_naming_a_similar_case_passes_axe_core_at_360_px_and_is_kept_apart()
    {
        var unit = Requests.RandomRegencyUnit();
        var village = CaseLifecycleTests.Village();
        await ClarificationsDeskTests.ReportAsync(unit, village, screenshot: false);
        var second = await ClarificationsDeskTests.ReportAsync(unit, village, screenshot: true);
        Guid caseId;
        using (var api = await Steps.AsAsync("humas-officer", unit))
            caseId = (await Steps.GetAsync(api, $"/api/clarifications/reports/{second}")).GetProperty("caseId").GetGuid();
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        var path = $"/console/clarifications/{caseId}";
        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, officer, path);
        await page.WaitForSelectorAsync("#similar");
        Assert.NotNull(await page.QuerySelectorAsync("#screenshot-form"));
        Assert.NotNull(await page.QuerySelectorAsync("#draft-preview-button"));
        await AssertAccessibleAndNarrowAsync(context, path, "clarification-similar");

        await page.GetByRole(AriaRole.Button, new() { Name = "Biarkan terpisah" }).ClickAsync();
        await page.WaitForSelectorAsync("#done");
        Assert.Null(await page.QuerySelectorAsync("#similar"));
    }
}
