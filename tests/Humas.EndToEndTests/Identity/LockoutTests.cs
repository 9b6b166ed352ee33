using System.Net;

namespace Humas.EndToEndTests.Identity;

public sealed class LockoutTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var email = Portal.NewEmail("lockout");
        const string password = "correct horse battery staple";
        await Portal.RegisterAsync(email, password);

        using var browser = await Browser.OpenAsync("en");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await Browser.ParseAsync(await browser.GetAsync("/account/login"));
            var failed = await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = $"wrong password number {attempt}" });
            var expected = attempt < 5 ? "account.sign-in.failed" : "account.locked";
            Assert.Equal(expected, Assert.Single(Browser.ErrorCodes(await Browser.ParseAsync(failed))));
        }

        var login = await Browser.ParseAsync(await browser.GetAsync("/account/login"));
        var refused = await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var document = await Browser.ParseAsync(refused);
        Assert.Equal("account.locked", Assert.Single(Browser.ErrorCodes(document)));
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("locked", document.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        using var browser = await Browser.OpenAsync();
        var response = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "someone@example.org", ["password"] = "whatever password",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
