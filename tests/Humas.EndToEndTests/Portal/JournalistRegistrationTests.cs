using System.Net;
using System.Text.Json;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Humas.EndToEndTests.OfficerConsole;
using Provider = Humas.EndToEndTests.Identity.Portal;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// A journalist with a confirmed account signs in through the portal (authorization code with
/// PKCE) and registers with a unit's humas office from a server-rendered form, without script;
/// the unit's officers then see the registration. A refused field is shown next to the field.
/// </summary>
public sealed class JournalistRegistrationTests
{
    /// <summary>A journalist's new, confirmed account signed in through the portal, landed on the registration form for the unit.</summary>
    private static async Task<(Browser Browser, string Email, ConsoleSession.SignedIn SignedIn)> SignedInJournalistAsync(string unit)
    {
        var email = Provider.NewEmail("jurnalis");
        const string password = "a journalist's long passphrase";
        await Provider.RegisterAsync(email, password, kind: "journalist");
        var browser = await Browser.OpenAsync();
        return (browser, email, await ConsoleSession.SignInAsync(browser, email, password, start: $"/jurnalis/daftar?unit={unit}"));
    }

    [Fact]
    public async Task A_journalist_signs_in_and_registers_with_a_unit_and_a_refused_field_is_shown_next_to_it()
    {
        var unit = Requests.RandomRegencyUnit();
        var (browser, email, signedIn) = await SignedInJournalistAsync(unit);
        using var _ = browser;
        Assert.Equal(HttpStatusCode.OK, signedIn.Landing.StatusCode);
        var page = await Browser.ParseAsync(signedIn.Landing);
        Assert.Equal(unit, page.QuerySelector("#unitId")?.GetAttribute("value"));

        var values = new Dictionary<string, string>
        {
            ["Form.UnitId"] = "kpu-99.99", ["Form.FullName"] = "Dewi Lestari", ["Form.Outlet"] = "Suara Demak",
            ["Form.Email"] = email, ["Form.PressCardNumber"] = "PWI-33-0042",
        };
        var refused = await browser.SubmitAsync(page, values);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.Equal("true", refusedPage.QuerySelector("#unitId")?.GetAttribute("aria-invalid"));
        Assert.NotNull(refusedPage.QuerySelector("#unitId-error"));
        Assert.Null(refusedPage.QuerySelector("#registered"));

        values["Form.UnitId"] = unit;
        var registered = await browser.SubmitAsync(refusedPage, values);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("no-store", registered.Headers.CacheControl?.ToString());
        Assert.Contains(unit, (await Browser.ParseAsync(registered)).QuerySelector("#registered")?.TextContent);

        using var officer = await Steps.AsAsync("humas-officer", unit);
        var listed = await Steps.GetAsync(officer, $"/api/media/journalists?unitId={unit}");
        var journalist = Assert.Single(listed.EnumerateArray(), j => j.GetProperty("outlet").GetString() == "Suara Demak");
        Assert.Equal("registered", journalist.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_signed_in_journalist_sees_releases_under_embargo_marked_once_accredited_and_the_public_newsroom_does_not()
    {
        var unit = Requests.RandomRegencyUnit();
        var (browser, email, signedIn) = await SignedInJournalistAsync(unit);
        using var _ = browser;
        var registered = await browser.SubmitAsync(await Browser.ParseAsync(signedIn.Landing), new Dictionary<string, string>
        {
            ["Form.FullName"] = "Dewi Lestari", ["Form.Outlet"] = "Suara Pantura", ["Form.Email"] = email, ["Form.PressCardNumber"] = "PWI-33-0077",
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        // Registered, not yet accredited: told so, shown nothing.
        var waiting = await ConsoleSession.PageAsync(browser, "/jurnalis/embargo");
        Assert.NotNull(waiting.QuerySelector("#belum-akreditasi"));
        Assert.Empty(waiting.QuerySelectorAll("article.embargoed"));

        using var officer = await Steps.AsAsync("humas-officer", unit);
        var journalist = Assert.Single((await Steps.GetAsync(officer, $"/api/media/journalists?unitId={unit}")).EnumerateArray(),
            j => j.GetProperty("outlet").GetString() == "Suara Pantura");
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/media/journalists/{journalist.GetProperty("journalistId").GetGuid()}/accredit", new { }, 1));
        var headline = $"Rekapitulasi suara {Guid.NewGuid():N}"[..40];
        var (releaseId, version, _, reviewer) = await Humas.EndToEndTests.MediaRelations.PressReleaseTests.ApprovedAsync(headline, unit);
        var until = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(3), TimeSpan.Zero); // 10:00 WIB
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { embargoUntil = until }, version));

        var page = await ConsoleSession.PageAsync(browser, "/jurnalis/embargo");
        var article = Assert.Single(page.QuerySelectorAll("article.embargoed"), a => a.QuerySelector("h2")?.TextContent == headline);
        Assert.Contains($"{until.ToOffset(TimeSpan.FromHours(7)):yyyy-MM-dd} 10:00 WIB", article.QuerySelector(".embargo-mark")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("EMBARGO", article.QuerySelector(".embargo-mark")?.TextContent, StringComparison.Ordinal);
        Assert.Null(article.QuerySelector("script"));
        var again = await browser.GetAsync("/jurnalis/embargo");
        Assert.True(again.Headers.CacheControl?.NoStore, "a page of embargoed releases is never stored by a cache");

        using var anyone = await Browser.OpenAsync();
        var newsroom = await anyone.GetAsync($"/{unit}/berita");
        Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);
        Assert.DoesNotContain(headline, await newsroom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signInFirst = await anyone.GetAsync("/jurnalis/embargo");
        Assert.Equal(HttpStatusCode.Found, signInFirst.StatusCode);
    }
}
