using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Humas.UnitTests.ServiceDefaults;

/// <summary>Outside Development a service trusts only its OpenID Connect authority, and says so when it starts.</summary>
public sealed class AuthenticationTests
{
    private const string SigningKey = "authentication-tests-signing-key-of-32-characters";

    private static WebApplicationBuilder Service(string environment, string? authority)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Humas:Auth:SigningKey"] = SigningKey;
        if (authority is not null) builder.Configuration["Humas:Auth:Authority"] = authority;
        return builder;
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_a_service_without_an_authority_refuses_to_start_even_with_a_signing_key(string environment)
    {
        var builder = Service(environment, authority: null);
        var refused = Assert.ThrowsAny<InvalidOperationException>(() =>
        {
            builder.AddServiceDefaults("tests");
            using var app = builder.Build();
            _ = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        });
        Assert.Contains("Humas:Auth:Authority", refused.Message);
    }

    [Fact]
    public void Outside_development_a_service_with_an_authority_never_takes_the_development_signing_key()
    {
        var builder = Service("Production", "https://login.example.org/realms/humas");
        builder.AddServiceDefaults("tests");
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal("https://login.example.org/realms/humas", options.Authority);
        Assert.Null(options.TokenValidationParameters.IssuerSigningKey);
        Assert.NotEqual(Authentication.DevelopmentIssuer, options.TokenValidationParameters.ValidIssuer);
    }

    [Fact]
    public void In_development_without_an_authority_the_development_signing_key_is_used()
    {
        var builder = Service("Development", authority: null);
        builder.AddServiceDefaults("tests");
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(Authentication.DevelopmentIssuer, options.TokenValidationParameters.ValidIssuer);
        Assert.NotNull(options.TokenValidationParameters.IssuerSigningKey);
    }

    [Fact]
    public void In_development_with_an_authority_both_its_tokens_and_development_ones_are_validated_each_by_its_own_rules()
    {
        var builder = Service("Development", "http://127.0.0.1:8080/");
        builder.AddServiceDefaults("tests");
        using var app = builder.Build();
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>();

        var authority = monitor.Get(Authentication.AuthorityScheme);
        Assert.Equal("http://127.0.0.1:8080/", authority.Authority);
        Assert.False(authority.RequireHttpsMetadata);
        Assert.Null(authority.TokenValidationParameters.IssuerSigningKey);
        Assert.Null(authority.TokenValidationParameters.ValidIssuer);

        var development = monitor.Get(Authentication.DevelopmentScheme);
        Assert.Null(development.Authority);
        Assert.Equal(Authentication.DevelopmentIssuer, development.TokenValidationParameters.ValidIssuer);
        Assert.NotNull(development.TokenValidationParameters.IssuerSigningKey);
    }
}
