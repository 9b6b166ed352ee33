using System.Net;
using System.Net.Http.Headers;
using Humas.EndToEndTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.EndToEndTests.Identity;

public sealed class SignInFlowTests
{
    [Fact]
    public async Task A_citizen_registers_confirms_by_mail_signs_in_with_PKCE_calls_Ppid_refreshes_and_signs_out()
    {
        var email = Portal.NewEmail("citizen");
        const string password = "a long sentence I will remember";
        await Portal.RegisterAsync(email, password);

        using var browser = await Browser.OpenAsync();
        var authorization = Portal.Start();
        var page = await Portal.SignInPageAsync(browser, authorization);
        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        var response = await browser.FollowAsync(await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
        var tokens = await Portal.RedeemAsync(browser, Portal.CodeFrom(response, authorization), authorization);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);

        // The claims the services read, under the gateway's address as issuer, for audience "humas".
        var claims = Portal.Payload(tokens.AccessToken);
        Assert.Equal(new Uri(Gateway.BaseAddress, "/").ToString(), claims.GetProperty("iss").GetString());
        Assert.Equal("citizen", claims.GetProperty("role").GetString());
        Assert.Contains("humas", claims.GetProperty("aud").ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sub").GetString()));
        Assert.DoesNotContain(email, claims.ToString(), StringComparison.OrdinalIgnoreCase);

        using (var ppid = await Gateway.ClientAsync(tokens.AccessToken))
            Assert.Equal(HttpStatusCode.OK, (await ppid.GetAsync("/api/ppid/my-requests")).StatusCode);

        var refreshed = await Portal.TokensFrom(await Portal.RefreshAsync(browser, tokens.RefreshToken!));
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        using (var ppid = await Gateway.ClientAsync(refreshed.AccessToken))
            Assert.Equal(HttpStatusCode.OK, (await ppid.GetAsync("/api/ppid/my-requests")).StatusCode);

        // Signing out ends the session at the provider: the next authorization asks for a sign-in again.
        var logout = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = refreshed.IdToken ?? tokens.IdToken, ["post_logout_redirect_uri"] = Portal.PostLogoutRedirectUri,
        }));
        Assert.Equal(HttpStatusCode.Found, logout.StatusCode);
        Assert.StartsWith(Portal.PostLogoutRedirectUri, logout.Headers.Location!.ToString(), StringComparison.Ordinal);
        var again = await browser.GetAsync(Portal.Start().Url);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.StartsWith("/account/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // And the portal revokes its refresh token: it no longer works.
        var revoked = await browser.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshed.RefreshToken!, ["token_type_hint"] = "refresh_token", ["client_id"] = Portal.ClientId,
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Portal.RefreshAsync(browser, refreshed.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task Discovery_names_the_gateway_as_issuer_and_the_flows_it_offers()
    {
        using var client = await Gateway.ClientAsync();
        var discovery = await Portal.JsonAsync(await client.GetAsync("/.well-known/openid-configuration"));
        Assert.Equal(new Uri(Gateway.BaseAddress, "/").ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").ToString(), StringComparison.Ordinal);
        foreach (var grant in new[] { "authorization_code", "refresh_token", "client_credentials" })
            Assert.Contains(grant, discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        var keys = await Portal.JsonAsync(await client.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery));
        Assert.Contains(keys.GetProperty("keys").EnumerateArray(), key => key.GetProperty("kty").GetString() == "RSA");
    }

    [Fact]
    public async Task A_machine_client_gets_a_token_with_its_configured_role_by_client_credentials()
    {
        using var client = await Gateway.ClientAsync();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "humas",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "humas" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String("humas-machine-dev:humas-machine-development-secret-not-for-production"u8.ToArray()));
        var tokens = await Portal.TokensFrom(await client.SendAsync(request));
        var claims = Portal.Payload(tokens.AccessToken);
        Assert.Equal("humas-officer", claims.GetProperty("role").GetString());
        Assert.Equal("kpu", claims.GetProperty("unit").GetString());
    }
}
