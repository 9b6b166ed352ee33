using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.Identity;

/// <summary>The mails the identity service sent, read from maildev's REST API (GET /email).</summary>
public static partial class Mailbox
{
    /// <summary>The link (path and query on the gateway) of the newest mail to <paramref name="address"/> that holds one to <paramref name="path"/>.</summary>
    public static async Task<string> LinkAsync(string address, string path)
    {
        using var client = new HttpClient { BaseAddress = HumasEnvironment.MaildevUrl, Timeout = TimeSpan.FromSeconds(10) };
        string? link = null;
        await Gateway.EventuallyAsync(async () =>
        {
            JsonElement mails;
            try
            {
                mails = await client.GetFromJsonAsync<JsonElement>("/email");
            }
            catch (HttpRequestException e)
            {
                Assert.Fail($"maildev is not reachable at {HumasEnvironment.MaildevUrl} ({e.Message}). Start it with `./humas infra up` (or run everything with `./humas test`).");
                return false;
            }
            link = mails.EnumerateArray()
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
                .Select(m => Link().Match(m.GetProperty("text").GetString() ?? ""))
                .Where(m => m.Success && new Uri(m.Value).AbsolutePath == path)
                .Select(m => new Uri(m.Value).PathAndQuery)
                .LastOrDefault();
            return link is not null;
        }, TimeSpan.FromSeconds(20), $"a mail to {address} with a link to {path}");
        return link!;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
