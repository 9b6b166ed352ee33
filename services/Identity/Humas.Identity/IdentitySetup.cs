using Humas.Eventing;
using Humas.Identity.Accounts;
using Humas.Identity.Audit;
using Humas.Identity.Mail;
using Humas.Identity.Oidc;
using Humas.Identity.Pages;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Humas.Identity;

public static class IdentitySetup
{
    public const string ServiceName = "identity";

    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection("Humas:Identity").Get<IdentitySettings>() ?? new IdentitySettings();
        var issuer = settings.IssuerUri;
        var keysFolder = Path.GetFullPath(settings.KeysFolder, builder.Environment.ContentRootPath);
        var keys = new SigningKeys(keysFolder);
        services.AddSingleton(settings);
        services.AddSingleton(keys);
        services.AddSingleton(builder.Configuration.GetSection("Humas:Mail").Get<MailSettings>() ?? new MailSettings());

        // The event store's schema runner (and its health checks) also applies the accounts' schema.
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? ServiceName, eventing => eventing
            .MigrationsFrom(typeof(IdentitySetup).Assembly));

        services.AddDbContext<IdentityDb>((sp, options) =>
        {
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>());
            options.UseOpenIddict();
            // The model compiled ahead of time (Accounts/CompiledModel, CONTRIBUTING.md): building
            // it at start ran some 2,000 methods through the JIT, resident for the process's life.
            options.UseModel(Accounts.CompiledModel.IdentityDbModel.Instance);
        });

        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keysFolder, "data-protection")))
            .SetApplicationName("humas-identity");

        services.AddIdentityCore<HumasUser>(options =>
            {
                PasswordRules.Apply(options.Password);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.ClaimsIdentity.UserIdClaimType = "sub";
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<MaxLengthPasswordValidator>();
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.Cookie.Name = "humas.identity";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Relative, so that the browser stays on the gateway's address.
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.Redirect(new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute
                    ? absolute.PathAndQuery
                    : context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(options => options.Cookie.Name = "humas.antiforgery");

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.Profile,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess,
                    TokenClaims.ApiScope);
                foreach (var key in keys.Signing) server.AddSigningKey(key);
                server.AddEncryptionKey(keys.Encryption);
                // The services validate access tokens as plain signed JWTs (JwtBearer).
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(15));
                server.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (settings.AllowHttp) aspNetCore.DisableTransportSecurityRequirement();
            });

        services.AddUseCases();
        services.AddTexts(typeof(IdentitySetup).Assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => UnitDirectory.Load());
        services.AddSingleton<Mailer>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<AccountMails>();
        services.AddHostedService<ClientRegistration>();
        services.AddHostedService<FirstAdmins>();
        return builder;
    }

    /// <summary>
    /// Requests come through the gateway: its X-Forwarded-Host and -Proto (believed from loopback
    /// and from Humas:Identity:TrustedProxies, CIDR networks) make the addresses in discovery,
    /// redirects and mails the public ones.
    /// </summary>
    public static WebApplication UseGatewayAddress(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto,
        };
        foreach (var network in app.Configuration.GetSection("Humas:Identity:TrustedProxies").Get<string[]>() ?? [])
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.UseForwardedHeaders(options);
        return app;
    }

    public static WebApplication MapIdentityService(this WebApplication app)
    {
        app.MapOidcEndpoints();
        app.MapAccountPages();
        app.MapAccountApi();
        app.MapAuditApi();
        return app;
    }

    public static string SchemaScript(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.GenerateCreateScript();
    }
}
