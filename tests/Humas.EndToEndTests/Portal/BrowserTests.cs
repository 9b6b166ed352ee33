using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;
using Microsoft.Playwright;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// The portal in a real browser: Debian's Chromium driven by Playwright through the gateway. The
/// main journey with JavaScript off, every page checked by axe-core (no serious or critical
/// violation), its weight as the browser measured it, and screenshots at 360 and 1280 px kept in
/// .humas/test-results/screenshots/.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public static TheoryData<string> Pages => new()
    {
        "/", "/kpu-33.21", "/kpu-33.21/ppid/permohonan", "/ppid/lacak", "/kpu-33.21/ppid/dip", "/kpu-33.21/ppid/tenggat?receivedAt=2026-12-23T10:00",
        "/pemilu", "/kpu-91.71/agenda",
    };

    public async Task InitializeAsync() => (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    private Task<IBrowserContext> ContextAsync(int width, bool javaScript = true) => browser.NewContextAsync(new()
    {
        BaseURL = Gateway.BaseAddress.ToString(),
        ViewportSize = new() { Width = width, Height = 900 },
        JavaScriptEnabled = javaScript,
        Locale = "id-ID",
        ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{Random.Shared.Next(1, 254)}" },
    });

    private static string ScreenshotPath(string page, int width)
    {
        var folder = Path.Combine(HumasControl.RepositoryRoot(), ".humas", "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        var name = page.Trim('/').Replace('/', '_').Replace('?', '_').Replace('=', '-');
        return Path.Combine(folder, $"{(name.Length == 0 ? "home" : name)}-{width}.png");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_passes_axe_weighs_under_100_KB_and_fits_360_and_1280_px(string path)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            await using var context = await ContextAsync(width);
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
            await page.ScreenshotAsync(new() { Path = ScreenshotPath(path, width), FullPage = true });

            // Nothing wider than the screen: no sideways scrolling at 360 px.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} at {width} px scrolls sideways by {overflow} px");

            if (width != 360) continue;
            var transferred = await page.EvaluateAsync<long>(
                "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.transferSize, 0)");
            Assert.True(transferred is > 0 and < 100 * 1024, $"{path} transferred {transferred} bytes");

            await Infrastructure.Chromium.AssertAccessibleAsync(page, path);
        }
    }

    [Fact]
    public async Task With_JavaScript_off_a_citizen_files_a_request_and_follows_it_by_keyboard()
    {
        await using var context = await ContextAsync(360, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{Requests.RandomRegencyUnit()}/ppid/permohonan");
        await page.GetByLabel("Nama lengkap").FillAsync("Sri Rahayu");
        await page.GetByLabel("NIK").FillAsync("3321015708900001");
        await page.GetByLabel("Alamat", new() { Exact = true }).FillAsync("Jl. Kenanga 3, Demak");
        await page.GetByLabel("Nomor telepon").FillAsync("081234567890");
        await page.GetByLabel("Rincian informasi yang dibutuhkan").FillAsync("Salinan daftar pemilih tetap");
        await page.GetByLabel("Tujuan penggunaan informasi").FillAsync("Penelitian");
        await page.GetByLabel("Membaca").CheckAsync();
        await page.GetByLabel("Mengambil langsung").CheckAsync();
        // The last field has the focus; Enter submits the form as a keyboard user would.
        await page.GetByLabel("Nomor telepon").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#nomor");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("confirmation", 360), FullPage = true });
        var number = (await page.TextContentAsync("#nomor"))!.Trim();
        var code = (await page.TextContentAsync("#kode"))!.Trim();
        Assert.DoesNotContain(code, page.Url);

        await page.GotoAsync("/ppid/lacak");
        await page.GetByLabel("Nomor pendaftaran").FillAsync(number);
        await page.GetByLabel("Kode akses").FillAsync(code);
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForSelectorAsync("#status");
        Assert.Contains(number, await page.TextContentAsync("#status"));
        Assert.DoesNotContain(code, page.Url);
    }
}
