using System.Net.Http.Json;
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
        "/pemilu", "/kpu-91.71/agenda", "/klarifikasi", "/kpu-33.21/klarifikasi", "/klarifikasi/cek?text=surat+suara+sudah+dicoblos",
        "/kpu-33.21/klarifikasi/lapor", "/klarifikasi/lacak", "/berita", "/kpu-33/berita", "/kpu-33.21/ppid/laporan",
    };

    public async Task InitializeAsync() => (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    private Task<IBrowserContext> ContextAsync(int width, bool javaScript = true, string? storageState = null) => browser.NewContextAsync(new()
    {
        StorageState = storageState,
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
    public Task Every_page_passes_axe_weighs_under_100_KB_and_fits_360_and_1280_px(string path) => CheckPageAsync(path);

    [Fact]
    public async Task A_published_clarification_passes_axe_weighs_under_100_KB_and_fits_360_and_1280_px()
    {
        using var officer = await Gateway.ClientAsync(await Gateway.TokenAsync("humas-kpu-33.21", "humas-officer", "kpu-33.21"));
        var claim = $"Kotak suara di desa {Guid.NewGuid():N} dibuka sebelum penghitungan dan isinya ditukar.";
        var imported = await officer.PostAsJsonAsync("/api/clarifications/imports", new[]
        {
            new { unitId = "kpu-33.21", label = "hoaks", title = $"[HOAKS] {claim}", claim, explanation = "Faktanya kotak suara disegel.", publishedAt = DateTimeOffset.UtcNow.ToString("O") },
        });
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        await CheckPageAsync($"/klarifikasi/{(await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers")[0].GetString()}", "clarification");
    }

    [Fact]
    public async Task A_press_release_passes_axe_weighs_under_100_KB_and_fits_360_and_1280_px()
    {
        var (id, version, _, reviewer) = await MediaRelations.PressReleaseTests.ApprovedAsync("KPU Jawa Tengah menetapkan daftar pemilih tetap");
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{id}/publish", new { }, version));
        await CheckPageAsync($"/rilis/{id}", "release");
    }

    [Fact]
    public async Task The_journalists_pages_pass_axe_weigh_under_100_KB_and_fit_360_and_1280_px()
    {
        var email = Identity.Portal.NewEmail("jurnalis");
        const string password = "a journalist's long passphrase";
        await Identity.Portal.RegisterAsync(email, password, kind: "journalist");
        await using var signIn = await ContextAsync(1280, javaScript: false);
        var page = await signIn.NewPageAsync();
        await page.GotoAsync("/jurnalis/daftar");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("form[action='/jurnalis/daftar']");
        var session = await signIn.StorageStateAsync();

        await CheckPageAsync("/jurnalis/daftar", storageState: session);
        await CheckPageAsync("/jurnalis/embargo", storageState: session);
    }

    /// <summary>Checks one page; <paramref name="name"/> names its screenshots when the address changes from run to run.</summary>
    private async Task CheckPageAsync(string path, string? name = null, string? storageState = null)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            await using var context = await ContextAsync(width, storageState: storageState);
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
            await page.ScreenshotAsync(new() { Path = ScreenshotPath(name ?? path, width), FullPage = true });

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

    [Fact]
    public async Task With_JavaScript_off_a_citizen_checks_a_claim_reports_it_with_a_screenshot_and_follows_the_report()
    {
        await using var context = await ContextAsync(360, javaScript: false);
        var page = await context.NewPageAsync();
        var claim = $"Pesan berantai: pemilih di desa {Guid.NewGuid():N} harus mendaftar ulang lewat tautan ini sebelum hari pemungutan.";
        await page.GotoAsync("/klarifikasi/cek");
        await page.GetByLabel("Isi klaim").FillAsync(claim);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cek" }).ClickAsync();
        await page.WaitForSelectorAsync("#tidak-ada");

        await page.GotoAsync($"/{Requests.RandomRegencyUnit()}/klarifikasi/lapor");
        await page.GetByLabel("Isi klaim").FillAsync(claim);
        await page.GetByLabel("Dilihat di", new() { Exact = true }).SelectOptionAsync("whatsapp");
        await page.GetByLabel("Tangkapan layar").SetInputFilesAsync(new FilePayload
        {
            Name = "pesan.png", MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForSelectorAsync("#nomor");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("report-confirmation", 360), FullPage = true });
        Assert.Null(await page.QuerySelectorAsync("#tangkapan-galat"));
        var number = (await page.TextContentAsync("#nomor"))!.Trim();
        var code = (await page.TextContentAsync("#kode"))!.Trim();
        Assert.DoesNotContain(code, page.Url);

        await page.GotoAsync("/klarifikasi/lacak");
        await page.GetByLabel("Nomor laporan").FillAsync(number);
        await page.GetByLabel("Kode akses").FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#status");
        Assert.Contains(claim, await page.TextContentAsync("#status"));
        Assert.DoesNotContain(code, page.Url);
    }
}
