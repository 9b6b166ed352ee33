using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Provider = Humas.EndToEndTests.Identity.Portal;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// An officer of the console: an account created by a provincial administrator through the
/// identity API, its password chosen through the welcome mail's link, then signed in to the
/// portal's console as a browser without script does it, through the gateway.
/// </summary>
public static class ConsoleSession
{
    public sealed record Officer(string Email, string Password, string UnitId);

    public sealed record SignedIn(HttpResponseMessage Landing, HttpResponseMessage Callback, Uri Authorization);

    public static async Task<Officer> NewOfficerAsync(string unitId, string role = "ppid-officer")
    {
        var email = Provider.NewEmail("console");
        const string password = "an officer's long passphrase";
        var province = unitId[..Math.Min(unitId.Length, "kpu-33".Length)];
        using (var admin = await Gateway.ClientAsync(await Gateway.TokenAsync($"admin-console-{province}", "admin", province)))
        {
            var created = await admin.PostAsJsonAsync("/api/identity/officers", new { email, role, unitId });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
        using var browser = await Browser.OpenAsync();
        var reset = await Browser.ParseAsync(await browser.GetAsync(await Mailbox.LinkAsync(email, "/account/reset-password")));
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(reset, new Dictionary<string, string> { ["password"] = password })).StatusCode);
        return new Officer(email, password, unitId);
    }

    /// <summary>
    /// Opens <paramref name="start"/> unsigned, checks the portal sends the browser to the provider with
    /// an authorization code request with PKCE, signs in there and follows the way back.
    /// </summary>
    public static async Task<SignedIn> SignInAsync(Browser browser, string email, string password, string start = "/console")
    {
        var challenge = await browser.GetAsync(start);
        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        var authorization = new Uri(Gateway.BaseAddress, challenge.Headers.Location!);
        Assert.Equal(Gateway.BaseAddress.Authority, authorization.Authority);
        Assert.Equal("/connect/authorize", authorization.AbsolutePath);
        var query = QueryHelpers.ParseQuery(authorization.Query);
        Assert.Equal("humas-portal", query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"].ToString()));
        Assert.Equal(new Uri(Gateway.BaseAddress, "/signed-in").ToString(), query["redirect_uri"].ToString());

        var login = await browser.FollowAsync(challenge);
        var page = await Browser.ParseAsync(login);
        var response = await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        HttpResponseMessage? callback = null;
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            var location = new Uri(Gateway.BaseAddress, response.Headers.Location!);
            Assert.Equal(Gateway.BaseAddress.Authority, location.Authority);
            response = await browser.GetAsync(location.PathAndQuery);
            if (location.AbsolutePath == "/signed-in") callback = response;
        }
        Assert.NotNull(callback);
        return new SignedIn(response, callback, authorization);
    }

    public static async Task<IHtmlDocument> PageAsync(Browser browser, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 1500)]}");
        return await Browser.ParseAsync(response);
    }

    public static IHtmlFormElement Form(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"The page has no form '{selector}'.");
}
