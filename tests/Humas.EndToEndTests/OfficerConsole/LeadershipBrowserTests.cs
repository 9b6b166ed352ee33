using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The leadership view in Debian's Chromium through the gateway, JavaScript off, 360 px wide: a
/// supervisor's first sign-in sets up the authenticator at the provider (the test computes the
/// codes as the officer's app would), then the view of the unit passes axe-core and fits 360 px.
/// </summary>
public sealed class LeadershipBrowserTests : ConsoleBrowserTest
{
    [Fact]
    public async Task With_JavaScript_off_a_supervisor_sets_up_the_authenticator_at_first_sign_in_and_the_leadership_view_passes_axe_core_at_360_px()
    {
        var unit = Requests.RandomRegencyUnit();
        var supervisor = await ConsoleSession.NewOfficerAsync(unit, "supervisor");
        await using var context = await NoScriptContextAsync();
        var page = await SignInAsync(context, supervisor, "/console/summary");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/account/two-factor/setup", StringComparison.Ordinal));
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Trim();
        await page.Locator("input[name=code]").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/summary");
        Assert.NotNull(await page.QuerySelectorAsync($"#summary tr[data-unit='{unit}']"));
        await AssertAccessibleAndNarrowAsync(context, "/console/summary", "leadership");
    }
}
