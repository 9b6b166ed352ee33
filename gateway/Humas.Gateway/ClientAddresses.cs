using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace Humas.Gateway;

/// <summary>
/// Who a caller is, as far as addresses tell. The connection's own peer is kept before the
/// forwarded headers are applied (it alone says whether a caller is on this machine);
/// X-Forwarded-For is believed only from trusted proxies, given as addresses or networks
/// (Humas:TrustedProxies, e.g. a Kubernetes pod CIDR) and for at most Humas:ForwardLimit hops.
/// </summary>
public static class ClientAddresses
{
    /// <summary>The TCP peer of the connection, whatever the forwarded headers say.</summary>
    public sealed record ConnectionPeer(IPAddress? Address);

    public static IServiceCollection AddClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = configuration.GetValue("Humas:ForwardLimit", 1);
            foreach (var proxy in configuration.GetSection("Humas:TrustedProxies").Get<string[]>() ?? [])
            {
                if (proxy.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>Keeps the connection's peer, then lets trusted proxies name the client.</summary>
    public static WebApplication UseClientAddresses(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Features.Set(new ConnectionPeer(context.Connection.RemoteIpAddress));
            return next(context);
        });
        app.UseForwardedHeaders();
        return app;
    }

    public static bool IsFromThisMachine(HttpContext context) =>
        context.Features.Get<ConnectionPeer>()?.Address is { } peer && IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer);

    /// <summary>The client's address as rate limits count it: an IPv4 address, or the /64 an IPv6 address is in (one subscriber's network).</summary>
    public static string RateLimitKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
