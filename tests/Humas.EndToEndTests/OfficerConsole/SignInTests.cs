using System.Net;
using System.Text.RegularExpressions;
using Humas.EndToEndTests.Identity;
using Provider = Humas.EndToEndTests.Identity.Portal;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed partial class SignInTests
{
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.")]
    private static partial Regex JwtInClear { get; }

    [Fact]
    public async Task An_officer_signs_in_with_PKCE_through_the_gateway_lands_on_the_console_and_signs_out()
    {
        var officer = await ConsoleSession.NewOfficerAsync("kpu-33.21");
        using var browser = await Browser.OpenAsync();

        var signedIn = await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password, "/console");
        Assert.Equal(HttpStatusCode.OK, signedIn.Landing.StatusCode);
        Assert.Equal("/console", signedIn.Landing.RequestMessage!.RequestUri!.AbsolutePath);
        var home = await Browser.ParseAsync(signedIn.Landing);
        Assert.Contains("petugas PPID", home.QuerySelector("#officer")!.TextContent, StringComparison.Ordinal);
        Assert.True(signedIn.Landing.Headers.CacheControl?.NoStore, "a console page is never stored by a cache");

        // The session is the portal's own cookie: HttpOnly, SameSite=Lax; the tokens stay inside it, encrypted.
        var cookies = signedIn.Callback.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("humas-console", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", c, StringComparison.OrdinalIgnoreCase);
            // No JWT in clear: its header and payload, each base64url JSON ("eyJ..."), joined by dots.
            // The encrypted cookie is base64url too, so "eyJ" alone turns up in it by chance (about
            // one sign-in in twenty); a dot never does.
            Assert.DoesNotMatch(JwtInClear, c);
        });

        // The console's pages call the services with the officer's token: the inbox answers.
        Assert.NotNull((await ConsoleSession.PageAsync(browser, "/console/ppid")).QuerySelector("form.filters"));

        // Signing out: the form goes to the provider's end of session and back to the portal's home.
        var signOut = await browser.SubmitAsync(ConsoleSession.Form(home, "form[action='/console/sign-out']"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        var logout = new Uri(Gateway.BaseAddress, signOut.Headers.Location!);
        Assert.Equal("/connect/logout", logout.AbsolutePath);
        Assert.Equal(new Uri(Gateway.BaseAddress, "/").ToString(), QueryHelpers.ParseQuery(logout.Query)["post_logout_redirect_uri"].ToString());
        var landed = await browser.FollowAsync(signOut);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);

        // Both sessions ended: the console asks for a sign-in, and the provider asks for the password again.
        var again = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.Equal("/connect/authorize", new Uri(Gateway.BaseAddress, again.Headers.Location!).AbsolutePath);
        var provider = await browser.FollowAsync(again);
        Assert.Equal("/account/login", provider.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/ppid")]
    [InlineData("/console/ppid/KPU-33.21-2026-00001")]
    public async Task Every_console_page_sends_a_browser_without_a_session_to_the_sign_in(string path)
    {
        using var browser = await Browser.OpenAsync();
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/connect/authorize", new Uri(Gateway.BaseAddress, response.Headers.Location!).AbsolutePath);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("humas-console=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_citizen_who_signs_in_is_told_the_console_is_for_officers()
    {
        var email = Provider.NewEmail("console-citizen");
        const string password = "citizens have long passphrases too";
        await Provider.RegisterAsync(email, password);
        using var browser = await Browser.OpenAsync();

        var signedIn = await ConsoleSession.SignInAsync(browser, email, password, "/console/ppid");
        Assert.Equal(HttpStatusCode.Forbidden, signedIn.Landing.StatusCode);
        Assert.Equal("/console/no-access", signedIn.Landing.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Browser.ParseAsync(signedIn.Landing);
        Assert.Null(page.QuerySelector("#inbox"));
    }
}
