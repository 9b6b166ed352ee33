using System.Reflection;
using Humas.Eventing.Outbox;
using Humas.Eventing.Projections;
using Humas.Eventing.Store;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.Eventing;

/// <summary>What a service declares about its events: their stable names, what it publishes and consumes, its read models.</summary>
public sealed class EventingBuilder(IServiceCollection services)
{
    internal readonly List<Action<IBusRegistrationConfigurator>> ConsumerRegistrations = [];
    internal readonly List<SchemaMigration> Migrations = [];

    public IServiceCollection Services { get; } = services;
    public EventTypeRegistry EventTypes { get; } = new();
    public MessageTypeRegistry MessageTypes { get; } = new();
    public OutboxRelayOptions Relay { get; } = new();
    public HousekeepingOptions Housekeeping { get; } = new();

    /// <summary>Whether the service seals personal data (<see cref="SealsPersonalData"/>).</summary>
    public bool SealingPersonalData { get; private set; }

    /// <summary>
    /// The service seals personal data: it gets the <see cref="PersonalData.PersonalDataVault"/> and needs
    /// Humas:PersonalData:MasterKey, without which it does not start. A service that does not say so
    /// has no vault and must not be given the master key.
    /// </summary>
    public EventingBuilder SealsPersonalData()
    {
        SealingPersonalData = true;
        return this;
    }

    /// <summary>Whether this process relays its outbox to the broker (tools and some tests only write).</summary>
    public bool RunOutboxRelay { get; set; } = true;

    public EventingBuilder Event<TEvent>(string stableName)
    {
        EventTypes.Register<TEvent>(stableName);
        return this;
    }

    public EventingBuilder Publishes<TMessage>() where TMessage : class
    {
        MessageTypes.Register(typeof(TMessage));
        return this;
    }

    /// <summary>
    /// The service's schema migrations: the Migrations/&lt;prefix&gt;-&lt;NNN&gt;-&lt;name&gt;.sql files the
    /// assembly embeds, applied in number order after the store's own (see <see cref="EmbeddedMigrations"/>).
    /// </summary>
    public EventingBuilder MigrationsFrom(Assembly assembly)
    {
        Migrations.AddRange(EmbeddedMigrations.From(assembly));
        return this;
    }

    public EventingBuilder InlineProjection<TProjection>() where TProjection : class, IInlineProjection
    {
        Services.AddSingleton<IInlineProjection, TProjection>();
        return this;
    }

    public EventingBuilder AsyncProjection<TProjection>() where TProjection : class, IAsyncProjection
    {
        Services.AddSingleton<TProjection>();
        Services.AddSingleton(sp => new AsyncProjectionRunner(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<EventTypeRegistry>(), sp.GetRequiredService<TProjection>()));
        return this;
    }

    public EventingBuilder Translator<TTranslator>() where TTranslator : class, IIntegrationEventTranslator
    {
        Services.AddSingleton<IIntegrationEventTranslator, TTranslator>();
        return this;
    }

    public EventingBuilder Consumer<TConsumer>() where TConsumer : class, IConsumer
    {
        ConsumerRegistrations.Add(x => x.AddConsumer<TConsumer>());
        return this;
    }
}
