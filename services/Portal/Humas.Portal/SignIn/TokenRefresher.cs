using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Humas.Portal.SignIn;

/// <summary>
/// Keeps the console session's access token fresh: when it expires within a minute, the refresh
/// token buys a new pair at the provider's token endpoint and the cookie is written again. A
/// refusal (revoked, expired, account locked) ends the session, so the next page asks for a
/// sign-in. Sign-out revokes the refresh token.
/// </summary>
public sealed class TokenRefresher(IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> providers, TimeProvider clock, ILogger<TokenRefresher> log)
{
    public const string HttpClientName = "console-tokens";

    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task RenewIfDueAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is not null && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
            && expiry - clock.GetUtcNow() > Margin)
            return;
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var renewed = refreshToken is null ? null : await RedeemAsync(refreshToken, context.HttpContext.RequestAborted);
        if (renewed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleSignIn.CookieScheme);
            return;
        }
        var tokens = context.Properties.GetTokens().ToDictionary(t => t.Name, t => t.Value);
        tokens["access_token"] = renewed.AccessToken;
        if (renewed.RefreshToken is not null) tokens["refresh_token"] = renewed.RefreshToken;
        if (renewed.IdToken is not null) tokens["id_token"] = renewed.IdToken;
        tokens["expires_at"] = clock.GetUtcNow().AddSeconds(renewed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture);
        context.Properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
        context.ShouldRenew = true;
    }

    /// <summary>Tells the provider the refresh token is no longer needed (RFC 7009); a failure only leaves it to expire.</summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken ct)
    {
        var endpoint = await EndpointAsync(c => c.AdditionalData.TryGetValue("revocation_endpoint", out var value) ? value as string ?? value?.ToString() : null, ct);
        if (endpoint is null) return;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = refreshToken, ["token_type_hint"] = "refresh_token", ["client_id"] = ConsoleSignIn.ClientId,
            }), ct);
            if (!response.IsSuccessStatusCode) log.LogWarning("The provider refused to revoke a refresh token: {Status}", (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "The provider could not be reached to revoke a refresh token");
        }
    }

    private sealed record Renewed(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn);

    private async Task<Renewed?> RedeemAsync(string refreshToken, CancellationToken ct)
    {
        var endpoint = await EndpointAsync(c => c.TokenEndpoint, ct);
        if (endpoint is null) return null;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = ConsoleSignIn.ClientId,
            }), ct);
            if (!response.IsSuccessStatusCode)
            {
                log.LogInformation("The provider refused a refresh token ({Status}); the console session ends", (int)response.StatusCode);
                return null;
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
            return Text("access_token") is { } access
                ? new Renewed(access, Text("refresh_token"), Text("id_token"), root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            log.LogWarning(e, "The console could not renew its access token");
            return null;
        }
    }

    private async Task<string?> EndpointAsync(Func<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration, string?> pick, CancellationToken ct)
    {
        var options = providers.Get(ConsoleSignIn.ProviderScheme);
        if (options.ConfigurationManager is null) return null;
        return pick(await options.ConfigurationManager.GetConfigurationAsync(ct));
    }
}
