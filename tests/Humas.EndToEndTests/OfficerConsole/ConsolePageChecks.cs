using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>What every main page of the console must pass in the browser: axe-core and 360 px.</summary>
public static class ConsolePageChecks
{
    /// <summary>Checks a page in a context with script on (axe-core runs as script), signed in as the journey's context is.</summary>
    public static async Task AssertAccessibleAndNarrowAsync(IBrowser browser, IBrowserContext journey, string path, string what)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = Gateway.BaseAddress.ToString(),
            ViewportSize = new() { Width = 360, Height = 800 },
            Locale = "id-ID",
            StorageState = await journey.StorageStateAsync(),
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(200, response!.Status);
        var screenshots = Path.Combine(HumasControl.RepositoryRoot(), ".humas", "test-results", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"console-{what}-360.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} at 360 px scrolls sideways by {overflow} px");
        await Chromium.AssertAccessibleAsync(page, what);
    }
}
