using Humas.TestSupport;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>
/// The running system, reached only through its gateway, as `./humas up` (or `./humas test`)
/// starts it. Absent, every test fails with the command that starts it.
/// </summary>
public static class Gateway
{
    public static Uri BaseAddress { get; } = HumasEnvironment.GatewayUrl;

    public static string Ctl => HumasControl.Script;

    public static Task<(int ExitCode, string Output)> RunCtlAsync(params string[] arguments) => HumasControl.RunAsync(arguments);

    private static readonly Lazy<Task> Reachable = new(CheckReachableAsync);

    /// <summary>A client whose requests appear to come from their own address, so the anonymous rate limit of one test never touches another.</summary>
    public static async Task<HttpClient> ClientAsync(string? token = null, string? clientAddress = null)
    {
        await Reachable.Value;
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress ?? $"198.51.100.{Random.Shared.Next(1, 254)}");
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(string subject, string role, string? unit)
    {
        using var client = await ClientAsync();
        var response = await client.PostAsJsonAsync("/dev/tokens", new { subject, roles = new[] { role }, unit });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }


    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(250);
        }
    }

    private static async Task CheckReachableAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            (await probe.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Assert.Fail($"The gateway is not reachable at {BaseAddress} ({e.Message}). Start the system with `./humas up`, or run everything with `./humas test`.");
        }
    }

}
