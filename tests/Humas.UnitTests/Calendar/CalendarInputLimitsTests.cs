using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Humas.Calendar;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Humas.UnitTests.Calendar;

/// <summary>As in Ppid: every text an officer sends to the calendar has its own limit, and every endpoint checks texts and dates before its handler runs.</summary>
public sealed class CalendarInputLimitsTests
{
    [Fact]
    public void Every_text_of_every_request_body_declares_its_own_length_limit()
    {
        var bodies = typeof(CalendarSetup).Assembly.GetTypes()
            .Where(t => (t.Name.EndsWith("Body", StringComparison.Ordinal) || t.Name == "StageRef") && !t.IsAbstract).ToList();
        var texts = bodies.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string)).Select(p => (Name: $"{t.FullName}.{p.Name}", Limit: p.GetCustomAttribute<MaxLengthAttribute>()))).ToList();

        Assert.True(bodies.Count >= 10, $"only {bodies.Count} body types found");
        Assert.Empty(texts.Where(t => t.Limit is not { Length: > 0 }).Select(t => t.Name));
        Assert.All(texts, t => Assert.InRange(t.Limit!.Length, 10, 4000));
    }

    [Fact]
    public async Task Every_endpoint_of_the_calendar_checks_its_dates_and_texts_before_its_handler_runs()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=nobody",
            ["ConnectionStrings:RabbitMq"] = "amqp://nobody:nobody@127.0.0.1:1/",
            ["Humas:Auth:SigningKey"] = new string('k', 40),
            ["Humas:Calendar:FeedKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddServiceDefaults(CalendarSetup.ServiceName);
        builder.AddCalendar();
        await using var app = builder.Build();
        app.MapCalendar();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/calendar", StringComparison.Ordinal) == true).ToList();

        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints found");
        Assert.Empty(endpoints.Where(e => e.Metadata.GetMetadata<InputChecks.Marker>() is null).Select(e => e.DisplayName));
    }
}
