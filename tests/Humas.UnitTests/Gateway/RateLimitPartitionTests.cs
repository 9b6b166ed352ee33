using Humas.ServiceDefaults;

namespace Humas.UnitTests.Gateway;

/// <summary>
/// Whom the gateway's write limits count: the citizen's own address behind a trusted proxy
/// network (a Kubernetes ingress), an IPv6 client by its /64, a signed-in writer by subject.
/// </summary>
public sealed class RateLimitPartitionTests
{
    private const string Write = "/api/ppid/requests";
    private const string Body = """{"unitId":"kpu-33.24"}""";

    private static GatewayHost Gateway(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Humas:RateLimits:AnonymousWritesPerMinute"] = "3",
            ["Humas:RateLimits:SignedInWritesPerMinute"] = "3",
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new GatewayHost("Development", all);
    }

    [Fact]
    public async Task Behind_an_ingress_in_a_trusted_network_each_citizen_is_limited_by_their_own_address()
    {
        using var gateway = Gateway(("Humas:TrustedProxies:0", "10.0.0.0/8"), ("Humas:ForwardLimit", "1"));
        const string ingressPod = "10.42.7.19";
        for (var i = 1; i <= 3; i++)
        {
            // A leftmost X-Forwarded-For entry is the client's to write; only the one the ingress appended counts.
            var response = await gateway.SendAsync("POST", Write, ingressPod, Body, forwardedFor: $"198.51.100.{i}, 203.0.113.5");
            Assert.NotEqual(429, response.StatusCode);
        }
        Assert.Equal(429, (await gateway.SendAsync("POST", Write, ingressPod, Body, forwardedFor: "198.51.100.99, 203.0.113.5")).StatusCode);

        Assert.NotEqual(429, (await gateway.SendAsync("POST", Write, ingressPod, Body, forwardedFor: "203.0.113.6")).StatusCode);
        Assert.NotEqual(429, (await gateway.SendAsync("POST", Write, "10.42.9.4", Body, forwardedFor: "203.0.113.7")).StatusCode);
    }

    [Fact]
    public async Task An_ipv6_client_is_limited_by_its_64_bit_prefix()
    {
        using var gateway = Gateway();
        for (var i = 1; i <= 3; i++)
            Assert.NotEqual(429, (await gateway.SendAsync("POST", Write, $"2001:db8:aa:bb::{i:x}", Body)).StatusCode);

        Assert.Equal(429, (await gateway.SendAsync("POST", Write, "2001:db8:aa:bb:ffff:1:2:3", Body)).StatusCode);
        Assert.NotEqual(429, (await gateway.SendAsync("POST", Write, "2001:db8:aa:bc::1", Body)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_writer_is_limited_by_subject_whatever_address_they_write_from()
    {
        using var gateway = Gateway();
        var writer = Token("writer-a");
        for (var i = 1; i <= 3; i++)
            Assert.NotEqual(429, (await gateway.SendAsync("POST", Write, $"192.0.2.{i}", Body, bearer: writer)).StatusCode);

        Assert.Equal(429, (await gateway.SendAsync("POST", Write, "192.0.2.50", Body, bearer: writer)).StatusCode);
        Assert.NotEqual(429, (await gateway.SendAsync("POST", Write, "192.0.2.1", Body, bearer: Token("writer-b"))).StatusCode);
        // Reads are not counted.
        Assert.NotEqual(429, (await gateway.SendAsync("GET", "/api/ppid/requests/KPU-33.24-2026-00001", "192.0.2.1", bearer: writer)).StatusCode);
    }

    private static string Token(string subject) =>
        Authentication.IssueDevelopmentToken(GatewayHost.SigningKey, subject, [HumasRoles.Citizen], null, TimeSpan.FromMinutes(5));
}
