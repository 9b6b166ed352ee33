using System.Globalization;
using System.Net;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// Two portal replicas: the officer's session cookie and a form's antiforgery token, both issued by
/// the portal behind the gateway, are read by a second portal process started on the side, because
/// both read the key ring in the state folder (portal-keys), not each a ring of its own.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task A_second_portal_replica_reads_the_session_and_the_form_token_the_first_one_issued()
    {
        var officer = await ConsoleSession.NewOfficerAsync(Requests.RandomRegencyUnit());
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var home = await ConsoleSession.PageAsync(browser, "/console");
        var signOut = home.Forms.Single(f => f.GetAttribute("action") == "/console/sign-out");

        var ring = Path.Combine(Environment.GetEnvironmentVariable("HUMAS_STATE_DIR") ?? Path.Combine(HumasControl.RepositoryRoot(), ".humas"), "portal-keys");
        Assert.True(Directory.Exists(ring) && Directory.GetFiles(ring, "key-*.xml").Length > 0, $"the portal keeps no key in {ring}");

        var port = Ports.Free();
        var (code, output) = await Gateway.RunCtlAsync("replica", "start", "portal", port.ToString(CultureInfo.InvariantCulture));
        Assert.True(code == 0, $"could not start a second portal on port {port}: {output}");
        try
        {
            using var replica = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = browser.Cookies })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            // A replica with a ring of its own finds no session in the cookie and sends the officer to sign in again.
            var page = await replica.GetAsync("/console");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"the second replica answered {(int)page.StatusCode} {page.Headers.Location}");
            Assert.Contains("petugas PPID", (await Browser.ParseAsync(page)).QuerySelector("#officer")?.TextContent ?? "", StringComparison.Ordinal);

            // The sign-out form's token, issued by the first replica, accepted by the second (a ring of its own: 400).
            var fields = signOut.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
                .Where(i => i.Name is { Length: > 0 })
                .Select(i => KeyValuePair.Create(i.Name!, i.Value));
            var posted = await replica.PostAsync(signOut.GetAttribute("action"), new FormUrlEncodedContent(fields));
            Assert.True(posted.StatusCode == HttpStatusCode.Found, $"the second replica refused the first one's form: {(int)posted.StatusCode}");
            Assert.Contains("/connect/logout", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await Gateway.RunCtlAsync("replica", "stop", "portal", port.ToString(CultureInfo.InvariantCulture));
        }
    }
}
