using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.Identity;

/// <summary>
/// Every application, reached directly and not only through the gateway, refuses a token whose
/// issuer it does not trust, even one signed with a key it knows (the development key).
/// </summary>
public sealed class IssuerTests
{
    // An endpoint of each application that needs a signed-in caller (and answers something other than 401 to one).
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "ppid", "GET", "/api/ppid/my-requests" },
        { "calendar", "GET", "/api/calendar/roll-up" },
        { "clarifications", "POST", "/api/clarifications/imports" },
        { "mediarelations", "POST", "/api/media/releases" },
        { "identity", "GET", "/api/identity/audit" },
        { "gateway", "GET", "/api/ppid/my-requests" },
    };

    private const string DevelopmentKey = "humas-development-signing-key-not-for-production-use";

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_token_from_another_issuer_is_refused(string app, string method, string path)
    {
        await Gateway.ClientAsync();
        using var client = new HttpClient { BaseAddress = HumasEnvironment.AppUrl(app), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 254)}");

        async Task<HttpStatusCode> CallAsync(string token)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (method == "POST") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            return (await client.SendAsync(request)).StatusCode;
        }

        // The same claims, the same key: only the issuer differs.
        Assert.NotEqual(HttpStatusCode.Unauthorized, await CallAsync(Token("humas-development")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token("https://login.elsewhere.example/")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(new Uri(Gateway.BaseAddress, "/").ToString())));
    }

    /// <summary>An HS256 JWT for an administrator of KPU RI, issued by <paramref name="issuer"/>.</summary>
    private static string Token(string issuer)
    {
        static string Part(object value) => Portal.Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var unsigned = Part(new { alg = "HS256", typ = "JWT" }) + "." +
            Part(new Dictionary<string, object> { ["iss"] = issuer, ["aud"] = "humas", ["sub"] = "intruder", ["role"] = "admin", ["unit"] = "kpu", ["nbf"] = now, ["iat"] = now, ["exp"] = now + 600 });
        return unsigned + "." + Portal.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DevelopmentKey), Encoding.ASCII.GetBytes(unsigned)));
    }
}
