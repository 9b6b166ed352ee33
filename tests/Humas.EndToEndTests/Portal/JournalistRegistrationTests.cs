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
    [Fact]
    public async Task A_journalist_signs_in_and_registers_with_a_unit_and_a_refused_field_is_shown_next_to_it()
    {
        var unit = Requests.RandomRegencyUnit();
        var email = Provider.NewEmail("jurnalis");
        const string password = "a journalist's long passphrase";
        await Provider.RegisterAsync(email, password, kind: "journalist");
        using var browser = await Browser.OpenAsync();
        var signedIn = await ConsoleSession.SignInAsync(browser, email, password, start: $"/jurnalis/daftar?unit={unit}");
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
}
