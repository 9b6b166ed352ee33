using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Humas.Ppid;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Humas.UnitTests.Ppid;

/// <summary>Every text a caller sends has a limit of its own, and every endpoint checks it (and every date) before its handler runs.</summary>
public sealed class InputLimitsTests
{
    [Fact]
    public void Every_text_of_every_request_body_declares_its_own_length_limit()
    {
        var bodies = typeof(PpidSetup).Assembly.GetTypes().Where(t => t.Name.EndsWith("Body", StringComparison.Ordinal) && !t.IsAbstract).ToList();
        var texts = bodies.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string)).Select(p => (Name: $"{t.FullName}.{p.Name}", Limit: p.GetCustomAttribute<MaxLengthAttribute>()))).ToList();

        Assert.True(bodies.Count >= 16, $"only {bodies.Count} body types found");
        Assert.True(texts.Count >= 35, $"only {texts.Count} texts found");
        Assert.Empty(texts.Where(t => t.Limit is not { Length: > 0 }).Select(t => t.Name));
        Assert.All(texts, t => Assert.InRange(t.Limit!.Length, 10, 4000));
    }

    [Fact]
    public async Task Every_endpoint_of_Ppid_checks_its_dates_and_texts_before_its_handler_runs()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=nobody",
            ["ConnectionStrings:RabbitMq"] = "amqp://nobody:nobody@127.0.0.1:1/",
            ["Humas:Auth:SigningKey"] = new string('k', 40),
            ["Humas:PersonalData:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Humas:Ppid:AccessCodeKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddServiceDefaults(PpidSetup.ServiceName);
        builder.AddPpid();
        await using var app = builder.Build();
        app.MapPpid();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints found");
        Assert.Empty(endpoints.Where(e => e.Metadata.GetMetadata<InputChecks.Marker>() is null).Select(e => e.DisplayName));
    }
}
