using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright, for the tests of pages in a real browser; and the axe-core check they share.</summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: `./humas test` installs it (or apt-get install chromium).");
        using (await Gateway.ClientAsync()) { } // fails with how to start the system when it is not running
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = ["--disable-gpu", "--disable-quic"] });
        return (playwright, browser);
    }

    /// <summary>axe-core finds no serious or critical violation on the page (it runs as script: the page's context must allow it).</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{what}: {string.Join("; ", serious)}");
    }
}
