using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Humas.Calendar;
using Humas.Clarifications;
using Humas.MediaRelations;
using Humas.Ppid;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Humas.UnitTests.Toolkit;

/// <summary>
/// In every service, every text a caller sends has a limit of its own, and every endpoint checks
/// it (and every date) before its handler runs (InputChecks). A service joins with one row of
/// <see cref="Services"/>.
/// </summary>
public sealed class InputLimitsTests
{
    /// <param name="MaxText">The longest limit a text may declare: 4000, unless the service says why more (a press release's body and a clarification's explanation are articles).</param>
    public sealed record Service(string Name, Assembly Assembly, Action<WebApplicationBuilder> Add, Action<WebApplication> Map, string PathPrefix,
        int MinBodies, int MinEndpoints, int MaxText = 4000)
    {
        public override string ToString() => Name;
    }

    private static readonly Dictionary<string, Service> Known = new[]
    {
        new Service(PpidSetup.ServiceName, typeof(PpidSetup).Assembly, b => b.AddPpid(), a => a.MapPpid(), "/api/ppid", 16, 25),
        new Service(CalendarSetup.ServiceName, typeof(CalendarSetup).Assembly, b => b.AddCalendar(), a => a.MapCalendar(), "/api/calendar", 10, 25),
        new Service(MediaSetup.ServiceName, typeof(MediaSetup).Assembly, b => b.AddMediaRelations(), a => a.MapMediaRelations(), "/api/media", 8, 25,
            MaxText: 100_000),
        // The explanation and facts of a clarification's draft or correction are Markdown articles: up to 20,000 characters.
        new Service(ClarificationsSetup.ServiceName, typeof(ClarificationsSetup).Assembly, b => b.AddClarifications(), a => a.MapClarifications(),
            "/api/clarifications", 12, 25, MaxText: 20_000),
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Services => new(Known.Keys);

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_text_of_every_request_body_declares_its_own_length_limit(string name)
    {
        var service = Known[name];
        var bodies = service.Assembly.GetTypes()
            .Where(t => (t.Name.EndsWith("Body", StringComparison.Ordinal) || t.Name == "StageRef") && !t.IsAbstract).ToList();
        var texts = bodies.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string)).Select(p => (Name: $"{t.FullName}.{p.Name}", Limit: p.GetCustomAttribute<MaxLengthAttribute>()))).ToList();

        Assert.True(bodies.Count >= service.MinBodies, $"only {bodies.Count} body types found");
        Assert.Empty(texts.Where(t => t.Limit is not { Length: > 0 }).Select(t => t.Name));
        Assert.All(texts, t => Assert.InRange(t.Limit!.Length, 10, service.MaxText));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_endpoint_checks_its_dates_and_texts_before_its_handler_runs(string name)
    {
        var service = Known[name];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=nobody",
            ["ConnectionStrings:RabbitMq"] = "amqp://nobody:nobody@127.0.0.1:1/",
            ["Humas:Auth:SigningKey"] = new string('k', 40),
            ["Humas:PersonalData:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Humas:Ppid:AccessCodeKey"] = Convert.ToBase64String(new byte[32]),
            [ClarificationsSetup.AccessCodeKeySetting] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddServiceDefaults(service.Name);
        service.Add(builder);
        await using var app = builder.Build();
        service.Map(app);

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(service.PathPrefix, StringComparison.Ordinal) == true).ToList();

        Assert.True(endpoints.Count >= service.MinEndpoints, $"only {endpoints.Count} endpoints found");
        Assert.Empty(endpoints.Where(e => e.Metadata.GetMetadata<InputChecks.Marker>() is null).Select(e => e.DisplayName));
    }
}
