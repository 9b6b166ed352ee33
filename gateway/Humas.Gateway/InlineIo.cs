namespace Humas.Gateway;

/// <summary>
/// The gateway runs its request code on the threads that read and write the sockets, instead of
/// handing every read and write over to a thread-pool worker. Nothing in its pipeline blocks (it
/// authenticates, counts, checks limits and forwards, all asynchronously), so a hand-off buys
/// nothing and costs a thread wake-up per socket event. Measured with <c>./humas bench gateway</c>
/// on 2 cores: 170–178 µs of the gateway's CPU per request instead of 207–224, and gateway/nginx
/// 0.73–0.74 instead of 0.65–0.66 (docs/performance.md). <c>Humas:Gateway:InlineIo</c> = false
/// turns it off.
/// </summary>
public static class InlineIo
{
    /// <summary>The runtime's own switch for socket completions; its socket engine reads it once, at its first socket.</summary>
    public const string SocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static WebApplicationBuilder UseInlineIo(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Humas:Gateway:InlineIo", true)) return builder;
        // Set before Kestrel binds, which is the process's first socket. A value given by the
        // deployment is left as it is.
        if (Environment.GetEnvironmentVariable(SocketCompletionsVariable) is null)
            Environment.SetEnvironmentVariable(SocketCompletionsVariable, "1");
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        return builder;
    }
}
