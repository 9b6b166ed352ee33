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

/// <summary>
/// A class of console tests in Debian's Chromium: one browser for the class, contexts without
/// script at 360 px through the gateway (each with an address of its own for the rate limits),
/// an officer's sign-in at the provider, and the axe-core and 360 px check of a page.
/// </summary>
public abstract class ConsoleBrowserTest : IAsyncLifetime
{
    private IPlaywright playwright = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (playwright, Browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    protected Task<IBrowserContext> NoScriptContextAsync() => Browser.NewContextAsync(new()
    {
        BaseURL = Gateway.BaseAddress.ToString(),
        ViewportSize = new() { Width = 360, Height = 800 },
        JavaScriptEnabled = false,
        Locale = "id-ID",
        ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{Random.Shared.Next(1, 254)}" },
    });

    /// <summary>Opens <paramref name="start"/>, which sends the browser to the provider's sign-in, and signs the officer in there.</summary>
    protected static async Task<IPage> SignInAsync(IBrowserContext context, ConsoleSession.Officer officer, string start)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(start);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Locator("input[name=email]").FillAsync(officer.Email);
        await page.Locator("input[name=password]").FillAsync(officer.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        return page;
    }

    protected Task AssertAccessibleAndNarrowAsync(IBrowserContext journey, string path, string what) =>
        ConsolePageChecks.AssertAccessibleAndNarrowAsync(Browser, journey, path, what);
}
