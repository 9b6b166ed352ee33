using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Humas.Portal.Api;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Humas.Portal.SignIn;

/// <summary>
/// Officers sign in to the console through the system's OpenID Connect provider (ADR 0010): the
/// authorization code flow with PKCE, as the public client <c>humas-portal</c>, answered on
/// <c>/signed-in</c> under the gateway's address. The session is a cookie of the portal
/// (HttpOnly, SameSite=Lax, Secure outside development) that also holds the access, refresh
/// and identity tokens, encrypted by data protection: they never reach the browser's script
/// or an address. The access token is renewed with the refresh token shortly before it expires.
/// </summary>
public static class ConsoleSignIn
{
    public const string CookieScheme = "console";
    public const string ProviderScheme = "console-oidc";
    public const string CookieName = "humas-console";
    public const string CallbackPath = "/signed-in";
    public const string ClientId = "humas-portal";

    /// <summary>The policy every console page demands: a signed-in officer.</summary>
    public const string OfficerPolicy = "console-officer";

    public static readonly string[] OfficerRoles = ["ppid-officer", "humas-officer", "supervisor", "admin"];

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The provider's public address (the gateway's); the portal's own public address is the same.
        var authority = configuration["Humas:Auth:Authority"] ?? configuration["Humas:Gateway"]
            ?? throw new InvalidOperationException("Humas:Auth:Authority (the identity provider's public address) is not set.");
        var publicBase = authority.TrimEnd('/');
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddHttpContextAccessor();
        services.AddHttpClient<ConsoleApi>(client =>
        {
            client.BaseAddress = new Uri(configuration["Humas:Gateway"] ?? throw new InvalidOperationException("Humas:Gateway (the gateway's address) is not set."));
            client.Timeout = TimeSpan.FromSeconds(15);
        }).AddHttpMessageHandler<CitizenAddressForwarding>();
        services.AddSingleton<TokenRefresher>();
        services.AddHttpClient(TokenRefresher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .AddHttpMessageHandler<CitizenAddressForwarding>();
        // The code exchange at sign-in goes to the provider through the gateway too: counted per officer's address.
        services.AddOptions<OpenIdConnectOptions>(ProviderScheme).Configure<IHttpContextAccessor>((options, accessor) =>
            options.BackchannelHttpHandler = new CitizenAddressForwarding(accessor) { InnerHandler = new SocketsHttpHandler() });
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = ProviderScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secure;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/console/no-access";
                // Relative, so that the browser stays on the gateway's address (the portal itself listens elsewhere).
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.Redirect(new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute
                        ? absolute.PathAndQuery
                        : context.RedirectUri);
                    return Task.CompletedTask;
                };
                options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>().RenewIfDueAsync(context);
            })
            .AddOpenIdConnect(ProviderScheme, options =>
            {
                options.Authority = authority;
                if (configuration["Humas:Auth:MetadataAddress"] is { Length: > 0 } metadata) options.MetadataAddress = metadata;
                options.RequireHttpsMetadata = configuration.GetValue("Humas:Auth:RequireHttpsMetadata", true);
                options.ClientId = ClientId;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // The answer comes back in the address: form_post would need script to submit itself.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "offline_access", "humas" }) options.Scope.Add(scope);
                options.CallbackPath = CallbackPath;
                options.SignInScheme = CookieScheme;
                options.SaveTokens = true;
                options.DisableTelemetry = true;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "sub";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = secure;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = secure;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The portal runs behind the gateway: the browser comes back through the gateway's address.
                    context.ProtocolMessage.RedirectUri = publicBase + CallbackPath;
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                };
                options.Events.OnRemoteFailure = context =>
                {
                    // A refused or abandoned sign-in (error from the provider, a stale state): back to the start, nothing half-signed.
                    context.HandleResponse();
                    context.Response.Redirect("/console/no-access?sign-in=failed");
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.PostLogoutRedirectUri = publicBase + "/";
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(OfficerPolicy, policy => policy.RequireAuthenticatedUser()
                .RequireClaim("role", OfficerRoles));
        return services;
    }

    /// <summary>The signed-in officer's claims, as the provider put them in the identity token.</summary>
    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue("role");

    public static string? Unit(this ClaimsPrincipal user) => user.FindFirstValue("unit");
}
