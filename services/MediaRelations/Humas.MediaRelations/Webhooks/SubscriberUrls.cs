using System.Net;
using System.Net.Sockets;
using Humas.ServiceDefaults;

namespace Humas.MediaRelations.Webhooks;

/// <summary>
/// Where webhooks may go: an absolute http(s) URL without credentials whose host is, and resolves
/// to, public addresses only, so a subscription cannot make the service call into its own network
/// (loopback, private, link-local, shared and unique-local ranges). Development allows them
/// (Humas:Media:Webhooks:AllowPrivateAddresses) so tests can receive on 127.0.0.1. The same check
/// runs again when connecting, against what the name resolves to then.
/// </summary>
public static class SubscriberUrls
{
    /// <summary>The text code of what is wrong with the URL, or null when it may be used.</summary>
    public static string? Problem(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url)) return "field.required";
        if (url.Length > 2000 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return "subscription.url-invalid";
        if (uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment)) return "subscription.url-invalid";
        if (!allowPrivate && uri.Scheme != "https") return "subscription.url-https-required";
        if (allowPrivate) return null;
        if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
            return "subscription.url-private";
        if (IPAddress.TryParse(uri.DnsSafeHost, out var address) && !IsPublic(address)) return "subscription.url-private";
        return null;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || b[0] >= 224);
        }
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
        return true;
    }

    /// <summary>Connects only to public addresses (unless allowed): a name that resolves into the private network is refused at connection time too.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Its metrics record no host or port: the subscriber's address may identify a person.
        MeterFactory = Telemetry.AddressFreeMeters,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
            if (allowed.Length == 0) throw new HttpRequestException("refused: the subscriber's host resolves to no public address");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
