namespace Humas.UnitTests.Gateway;

/// <summary>/dev/tokens hands out tokens every service of a development system accepts: only to a caller on this machine.</summary>
public sealed class DevelopmentTokenTests
{
    private const string Body = """{"subject":"someone","roles":["admin"]}""";

    [Fact]
    public async Task A_loopback_caller_gets_a_development_token()
    {
        using var gateway = new GatewayHost("Development");
        Assert.Equal(200, (await gateway.SendAsync("POST", "/dev/tokens", "127.0.0.1", Body)).StatusCode);
        Assert.Equal(200, (await gateway.SendAsync("POST", "/dev/tokens", "::1", Body)).StatusCode);
    }

    [Fact]
    public async Task A_caller_from_another_machine_gets_no_development_token_even_through_a_trusted_proxy_that_claims_loopback()
    {
        using var gateway = new GatewayHost("Development", new Dictionary<string, string?>
        {
            ["Humas:TrustedProxies:0"] = "10.1.2.3",
            ["Humas:TrustedProxies:1"] = "10.0.0.0/8",
        });
        Assert.Equal(404, (await gateway.SendAsync("POST", "/dev/tokens", "192.0.2.7", Body)).StatusCode);
        // X-Forwarded-For names the client for rate limits; it proves nothing about where the connection comes from.
        Assert.Equal(404, (await gateway.SendAsync("POST", "/dev/tokens", "10.1.2.3", Body, forwardedFor: "127.0.0.1")).StatusCode);
        Assert.Equal(404, (await gateway.SendAsync("POST", "/dev/tokens", "192.0.2.7", Body, forwardedFor: "127.0.0.1")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_there_is_no_token_endpoint_and_no_start_without_an_authority()
    {
        using var withoutAuthority = new GatewayHost("Production");
        Assert.ThrowsAny<InvalidOperationException>(() => withoutAuthority.Server);

        using var gateway = new GatewayHost("Production", new Dictionary<string, string?> { ["Humas:Auth:Authority"] = "https://login.example.org/realms/humas" });
        // No endpoint of the gateway answers: the address falls through to the portal's pages
        // (not running here, hence 502), which issue no token either.
        var response = await gateway.SendAsync("POST", "/dev/tokens", "127.0.0.1", Body);
        Assert.Contains(response.StatusCode, new[] { 404, 502 });
    }
}
