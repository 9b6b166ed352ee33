using Humas.Eventing.Outbox;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Projections;
using Humas.Eventing.Store;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.Eventing;

public static class EventingExtensions
{
    /// <summary>
    /// Adds the service's event store on its own PostgreSQL database, the outbox relay, the
    /// async projections and MassTransit on RabbitMQ. Configuration: ConnectionStrings:Postgres
    /// (the database name is the service's own), ConnectionStrings:RabbitMq (an amqp:// URI),
    /// and for a service that seals personal data Humas:PersonalData:MasterKey (and
    /// PreviousMasterKeys while one is being replaced).
    /// </summary>
    public static EventingBuilder AddEventing(this IHostApplicationBuilder host, string serviceName, string databaseName, Action<EventingBuilder> configure)
    {
        DapperMapping.Configure();
        var eventing = new EventingBuilder(host.Services);
        configure(eventing);
        if (host.Configuration.GetValue<int?>("Humas:Outbox:DeadLetterAfterFailures") is { } limit)
            eventing.Relay.DeadLetterAfterFailures = limit > 0 ? limit : throw new InvalidOperationException("Humas:Outbox:DeadLetterAfterFailures must be at least 1.");
        var services = host.Services;

        var postgres = new NpgsqlConnectionStringBuilder(Required(host.Configuration, "ConnectionStrings:Postgres")) { Database = databaseName };
        // The append statement is planned once per connection instead of on every call.
        if (postgres.MaxAutoPrepare == 0) postgres.MaxAutoPrepare = 50;
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(postgres.ConnectionString) { Name = serviceName }.Build());
        services.AddSingleton(eventing.EventTypes);
        services.AddSingleton(eventing.MessageTypes);
        services.AddSingleton(eventing.Relay);
        services.AddSingleton(new OutboxSignal(localRelay: eventing.RunOutboxRelay));
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<EventStore>();
        services.AddSingleton(sp => new SchemaMigrator(sp.GetRequiredService<NpgsqlDataSource>(), postgres.ConnectionString, eventing.Migrations));

        // Registered first so that the schema exists before the relay, projections or consumers start.
        services.AddHostedService<SchemaInitializer>();
        if (eventing.SealingPersonalData)
        {
            var personalData = host.Configuration.GetSection("Humas:PersonalData").Get<PersonalDataOptions>() ?? new PersonalDataOptions();
            // Checked now, so that a service missing its key refuses to start instead of failing its first request.
            personalData.MasterKeyBytes();
            personalData.PreviousMasterKeyBytes();
            services.AddSingleton(personalData);
            services.AddSingleton<PersonalDataVault>();
            services.AddHostedService<PersonalDataKeyRewrap>();
        }
        if (eventing.RunOutboxRelay) services.AddHostedService<OutboxRelay>();
        services.AddHostedService<AsyncProjectionDaemon>();
        services.AddSingleton(eventing.Housekeeping);
        services.AddSingleton<Housekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"]);
        services.AddMassTransitOnRabbitMq(serviceName, Required(host.Configuration, "ConnectionStrings:RabbitMq"), eventing.ConsumerRegistrations);
        return eventing;
    }

    private static void AddMassTransitOnRabbitMq(this IServiceCollection services, string serviceName, string rabbitMqUri,
        IReadOnlyList<Action<IBusRegistrationConfigurator>> consumerRegistrations)
    {
        var broker = new Uri(rabbitMqUri);
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        var virtualHost = broker.AbsolutePath.Length > 1 ? Uri.UnescapeDataString(broker.AbsolutePath[1..]) : "/";

        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            foreach (var register in consumerRegistrations) register(x);

            // Transient faults (a database restart, a lock timeout) get time to pass; what still
            // fails lands in the endpoint's _error queue, from where it can be moved back.
            x.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitMq) DeclareQuorumQueue(rabbitMq, name);
            });

            // A broker outage degrades the service but does not take it out of rotation: writes
            // still land in the outbox and are relayed once the broker is back.
            x.ConfigureHealthCheckOptions(options =>
            {
                options.Name = "rabbitmq";
                options.MinimalFailureStatus = HealthStatus.Degraded;
                options.Tags.Add("ready");
            });

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), virtualHost, h =>
                {
                    if (credentials.Length == 2)
                    {
                        h.Username(credentials[0]);
                        h.Password(credentials[1]);
                    }
                    h.PublisherConfirmation = true;
                });
                cfg.ConfigureEndpoints(context);
            });
        });
    }

    /// <summary>
    /// How many times the broker hands one message to a consumer before it gives up on it: a
    /// message whose handling kills the process (so that no retry or _error move happens) would
    /// otherwise come back forever. The retries above happen within one delivery.
    /// </summary>
    public const int DeliveryLimit = 10;

    /// <summary>
    /// A durable endpoint's queue is a quorum queue, declared so by the service itself rather than
    /// left to a broker-wide default: replicated on every node of a RabbitMQ cluster, it survives
    /// the loss of a node with its messages. MassTransit declares the endpoint's _error and
    /// _skipped queues with the same arguments, so they are quorum queues too. A failing message
    /// goes to _error after its retries within one delivery; the delivery limit only stops a
    /// message that keeps killing the process before that: the broker then dead-letters it to the
    /// same _error queue (through the endpoint's _error exchange, which MassTransit declares and
    /// binds), where it waits to be looked at and moved back like any other fault. The
    /// arguments are part of the queue's identity: changing them needs the queues deleted
    /// (drained) first, as `./humas infra up` does for the local broker's older queues.
    /// </summary>
    private static void DeclareQuorumQueue(IRabbitMqReceiveEndpointConfigurator endpoint, string queueName)
    {
        endpoint.SetQuorumQueue();
        endpoint.SetQueueArgument("x-delivery-limit", DeliveryLimit);
        endpoint.SetQueueArgument("x-dead-letter-exchange", ErrorExchange(queueName));
    }

    /// <summary>The exchange in front of an endpoint's _error queue (MassTransit's naming).</summary>
    public static string ErrorExchange(string queueName) => queueName + "_error";

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration '{key}' is missing. Start the infrastructure with './humas infra up' or set it.");
}
