using System.Net;

namespace Humas.EndToEndTests.Identity;

public sealed class PasswordResetTests
{
    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_link_mailed_to_the_account()
    {
        var email = Portal.NewEmail("forgetful");
        const string oldPassword = "the first password I chose";
        const string newPassword = "a brand new and longer passphrase";
        await Portal.RegisterAsync(email, oldPassword);

        using (var browser = await Browser.OpenAsync())
        {
            var forgot = await Browser.ParseAsync(await browser.GetAsync("/account/forgot-password"));
            Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(forgot, new Dictionary<string, string> { ["email"] = email })).StatusCode);
            var reset = await Browser.ParseAsync(await browser.GetAsync(await Mailbox.LinkAsync(email, "/account/reset-password")));
            var tooShort = await browser.SubmitAsync(reset, new Dictionary<string, string> { ["password"] = "short" });
            Assert.Equal("account.password.too-short", Assert.Single(Browser.ErrorCodes(await Browser.ParseAsync(tooShort))));
            Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(reset, new Dictionary<string, string> { ["password"] = newPassword })).StatusCode);
            // A reset link works once.
            var again = await browser.SubmitAsync(reset, new Dictionary<string, string> { ["password"] = newPassword + " again" });
            Assert.Equal("account.reset.invalid", Assert.Single(Browser.ErrorCodes(await Browser.ParseAsync(again))));
        }

        using (var browser = await Browser.OpenAsync())
        {
            var login = await Browser.ParseAsync(await browser.GetAsync("/account/login"));
            var refused = await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = email, ["password"] = oldPassword });
            Assert.Equal("account.sign-in.failed", Assert.Single(Browser.ErrorCodes(await Browser.ParseAsync(refused))));
            Assert.NotEmpty((await Portal.SignInAsync(browser, email, newPassword)).AccessToken);
        }
    }
}
