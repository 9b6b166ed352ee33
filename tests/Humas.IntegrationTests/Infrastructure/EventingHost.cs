using Humas.Eventing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.IntegrationTests.Infrastructure;

/// <summary>
/// A generic host wired exactly as a service wires its eventing, against a test database and
/// virtual host. Its schema is the tests' tables (effects, things, seen) from this assembly's Migrations/*.sql.
/// </summary>
public static class EventingHost
{
    public static async Task<IHost> StartAsync(string database, string rabbitMqUri, Action<EventingBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.PostgresServer,
            ["ConnectionStrings:RabbitMq"] = rabbitMqUri,
            ["Humas:PersonalData:MasterKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddEventing("tests", database, eventing =>
        {
            eventing.Event<ThingHappened>("thing-happened").Event<ThingFailed>("thing-failed");
            eventing.MigrationsFrom(typeof(EventingHost).Assembly);
            eventing.Relay.PollInterval = TimeSpan.FromMilliseconds(500);
            eventing.Relay.PublishTimeout = TimeSpan.FromSeconds(3);
            configure(eventing);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static Humas.Eventing.Store.EventStore Store(this IHost host) => host.Services.GetRequiredService<Humas.Eventing.Store.EventStore>();
}
