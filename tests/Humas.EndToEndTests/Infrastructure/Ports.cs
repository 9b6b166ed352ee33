using System.Net;
using System.Net.Sockets;

namespace Humas.EndToEndTests.Infrastructure;

public static class Ports
{
    /// <summary>A loopback port no one listens on now (for a replica a test starts with <c>./humas replica start</c>).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
