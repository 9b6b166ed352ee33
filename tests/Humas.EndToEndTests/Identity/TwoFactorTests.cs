using System.Net;
using System.Net.Http.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Identity;

public sealed class TwoFactorTests
{
    [Fact]
    public void The_test_TOTP_matches_RFC_6238s_reference_value() =>
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (the last 6 digits for a 6-digit code).
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public async Task A_supervisor_must_set_up_TOTP_at_first_sign_in_and_then_needs_a_code_each_time()
    {
        // A Jawa Tengah administrator creates the supervisor; the welcome mail's link sets the password.
        var email = Portal.NewEmail("supervisor");
        const string password = "supervisors use long passphrases";
        using (var admin = await Gateway.ClientAsync(await Gateway.TokenAsync("admin-jateng", "admin", "kpu-33")))
        {
            var created = await admin.PostAsJsonAsync("/api/identity/officers", new { email, role = "supervisor", unitId = "kpu-33.21" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using (var browser = await Browser.OpenAsync())
        {
            var reset = await Browser.ParseAsync(await browser.GetAsync(await Mailbox.LinkAsync(email, "/account/reset-password")));
            var saved = await browser.SubmitAsync(reset, new Dictionary<string, string> { ["password"] = password });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        string key;
        using (var browser = await Browser.OpenAsync())
        {
            var authorization = Portal.Start();
            var login = await Portal.SignInPageAsync(browser, authorization);
            var setup = await browser.FollowAsync(await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
            var setupPage = await Browser.ParseAsync(setup);
            key = setupPage.QuerySelector("#authenticator-key")!.TextContent.Trim();
            Assert.StartsWith("otpauth://totp/", setupPage.QuerySelector("#authenticator-uri")!.TextContent, StringComparison.Ordinal);

            var wrong = await browser.SubmitAsync(setupPage, new Dictionary<string, string> { ["code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
            Assert.Equal("account.two-factor.wrong", Assert.Single(Browser.ErrorCodes(await Browser.ParseAsync(wrong))));

            setupPage = await Browser.ParseAsync(await browser.GetAsync(setup.RequestMessage!.RequestUri!.PathAndQuery));
            var done = await browser.FollowAsync(await browser.SubmitAsync(setupPage, new Dictionary<string, string> { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
            var tokens = await Portal.RedeemAsync(browser, Portal.CodeFrom(done, authorization), authorization);
            var claims = Portal.Payload(tokens.AccessToken);
            Assert.Equal("supervisor", claims.GetProperty("role").GetString());
            Assert.Equal("kpu-33.21", claims.GetProperty("unit").GetString());
        }

        // Next time: password, then the code.
        using (var browser = await Browser.OpenAsync())
        {
            var authorization = Portal.Start();
            var login = await Portal.SignInPageAsync(browser, authorization);
            var challenge = await browser.FollowAsync(await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
            Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
            Assert.StartsWith("/account/two-factor?", challenge.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
            var done = await browser.FollowAsync(await browser.SubmitAsync(await Browser.ParseAsync(challenge),
                new Dictionary<string, string> { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
            Assert.NotEmpty(Portal.CodeFrom(done, authorization));
        }
    }
}
