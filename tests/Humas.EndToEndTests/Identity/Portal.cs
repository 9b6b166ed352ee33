using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.EndToEndTests.Identity;

public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// What the portal does as an OpenID Connect public client: the authorization code flow with
/// PKCE (S256), the token endpoint, refresh and revocation. The redirect URI is one the
/// development configuration registers (Humas:Identity:Portal:RedirectUris).
/// </summary>
public static class Portal
{
    public const string ClientId = "humas-portal";
    public const string RedirectUri = "http://localhost/signed-in";
    public const string PostLogoutRedirectUri = "http://localhost/signed-out";
    public const string Scopes = "openid offline_access humas";

    public sealed record Authorization(string Verifier, string State, string Url);

    public static Authorization Start()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var url = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["redirect_uri"] = RedirectUri, ["response_type"] = "code", ["scope"] = Scopes,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state,
        });
        return new Authorization(verifier, state, url);
    }

    /// <summary>Goes to the authorization endpoint and on to the sign-in page it sends an anonymous browser to.</summary>
    public static async Task<IHtmlDocument> SignInPageAsync(Browser browser, Authorization authorization)
    {
        var response = await browser.GetAsync(authorization.Url);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        response = await browser.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browser.ParseAsync(response);
    }

    /// <summary>The code from the redirect to the portal (checking the state), once the browser is signed in.</summary>
    public static string CodeFrom(HttpResponseMessage response, Authorization authorization)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.False(query.ContainsKey("error"), $"The authorization endpoint answered an error: {location}");
        Assert.Equal(authorization.State, query["state"].ToString());
        return query["code"].ToString();
    }

    public static async Task<Tokens> RedeemAsync(Browser browser, string code, Authorization authorization)
    {
        var response = await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId, ["code_verifier"] = authorization.Verifier,
        }));
        return await TokensFrom(response);
    }

    public static async Task<HttpResponseMessage> RefreshAsync(Browser browser, string refreshToken) =>
        await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = ClientId,
        }));

    public static async Task<Tokens> TokensFrom(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token endpoint: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        return new Tokens(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null);
    }

    /// <summary>The claims of a JWT's payload (read, not validated: the services validate).</summary>
    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1];
        return JsonDocument.Parse(WebEncoders.Base64UrlDecode(part)).RootElement;
    }

    public static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    /// <summary>Signs in through the whole flow (sign-in page, password) and redeems the code.</summary>
    public static async Task<Tokens> SignInAsync(Browser browser, string email, string password)
    {
        var authorization = Start();
        var page = await SignInPageAsync(browser, authorization);
        var response = await browser.FollowAsync(await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
        return await RedeemAsync(browser, CodeFrom(response, authorization), authorization);
    }

    public static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@example.org";

    /// <summary>Registers through the page and confirms by the mail's link; the account can then sign in.</summary>
    public static async Task RegisterAsync(string email, string password, string kind = "citizen")
    {
        using var browser = await Browser.OpenAsync();
        var page = await Browser.ParseAsync(await browser.GetAsync("/account/register"));
        var registered = await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["kind"] = kind });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var confirmed = await browser.GetAsync(await Mailbox.LinkAsync(email, "/account/confirm"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
