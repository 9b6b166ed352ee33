using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Humas.UnitTests.Gateway;

/// <summary>The gateway runs its request code on the socket threads unless it is told not to.</summary>
public sealed class InlineIoTests
{
    [Fact]
    public void Kestrel_runs_the_gateway_code_on_its_socket_threads_by_default()
    {
        using var gateway = new GatewayHost("Development");
        Assert.True(gateway.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    [Fact]
    public void The_setting_turns_it_off()
    {
        using var gateway = new GatewayHost("Development", new Dictionary<string, string?> { ["Humas:Gateway:InlineIo"] = "false" });
        Assert.False(gateway.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }
}
