extern alias GatewayApp;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Humas.UnitTests.Gateway;

/// <summary>
/// The gateway's own program in process (its Program.cs and appsettings.json, as deployed), on a
/// test server where each request can come from any client address. Its clusters point at a port
/// nothing listens on unless a test names a backend, so no request leaves the test.
/// </summary>
public sealed class GatewayHost(string environment, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<GatewayApp::Program>
{
    public const string SigningKey = "gateway-tests-signing-key-of-at-least-32-characters";
    public const string Nowhere = "http://127.0.0.1:9";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = new Dictionary<string, string?>
        {
            ["Humas:Auth:SigningKey"] = SigningKey,
            ["ReverseProxy:Clusters:ppid:Destinations:ppid-1:Address"] = Nowhere,
            ["ReverseProxy:Clusters:calendar:Destinations:calendar-1:Address"] = Nowhere,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        builder.UseEnvironment(environment);
        foreach (var (key, value) in all) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(all));
    }

    /// <summary>Sends one request as if from <paramref name="remoteAddress"/> (the TCP peer), with optional headers and JSON body.</summary>
    public async Task<HttpResponse> SendAsync(string method, string path, string remoteAddress, string? json = null,
        string? forwardedFor = null, string? bearer = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            c.Request.Method = method;
            c.Request.Path = path;
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (bearer is not null) c.Request.Headers.Authorization = $"Bearer {bearer}";
            if (json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
                c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });
        return context.Response;
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
