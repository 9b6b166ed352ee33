using Dapper;
using Humas.Calendar;
using Humas.Calendar.Berkala;
using Humas.Calendar.Berkala.Consuming;
using Humas.Calendar.Contracts;
using Humas.Calendar.Publications;
using Humas.IntegrationTests.Infrastructure;
using Humas.Ppid.Compliance;
using Humas.Ppid.Contracts;
using Humas.ReferenceData;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.Calendar;

/// <summary>
/// The consumers between Ppid and the Calendar against the real PostgreSQL and RabbitMQ: a
/// message delivered again, or an older one after a newer, has no second effect.
/// </summary>
public sealed class PublicationConsumersTests : IAsyncLifetime
{
    private const string Database = "test_calendar_consumers";
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-calendar-consumers");
        host = await EventingHost.StartAsync(Database, rabbitMq, eventing => eventing
                .MigrationsFrom(typeof(CalendarSetup).Assembly)
                .MigrationsFrom(typeof(Humas.Ppid.PpidSetup).Assembly)
                .AddCalendarEvents()
                .Consumer<InformationPublishedConsumer>()
                .Consumer<PeriodicPublicationScheduledConsumer>()
                .Consumer<PeriodicPublicationOverdueConsumer>(),
            services => services.AddSingleton(UnitDirectory.Load()).AddSingleton(BerkalaRules.Default));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static InformationPublished Published(Guid entry, DateTimeOffset at, string title = "Laporan keuangan") => new()
    {
        EntryId = entry, UnitId = "kpu-73.71", Title = title, Category = "berkala", PublishedAt = at, Url = "https://kpu.go.id/a.pdf",
    };

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        host.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId ?? Guid.NewGuid());

    [Fact]
    public async Task The_same_publication_delivered_again_or_republished_with_a_new_id_starts_one_obligation_and_records_one_unplanned_publication()
    {
        var entry = Guid.NewGuid();
        var message = Published(entry, new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(8)));
        var id = Guid.NewGuid();
        await PublishAsync(message, id);
        await PublishAsync(message, id);
        await PublishAsync(message);
        await Eventually(async () => await ScalarAsync<long>("SELECT count(*) FROM inbox WHERE consumer = 'calendar.information-published'") >= 2, "both message ids handled");

        Assert.Equal(1, await ScalarAsync<long>($"SELECT count(*) FROM events WHERE stream_id = 'berkala-{entry}'"));
        Assert.Equal(new DateOnly(2026, 7, 15), await ScalarAsync<DateOnly>($"SELECT due_date FROM berkala_obligations WHERE obligation_id = '{entry}'"));
        Assert.Equal(1, await ScalarAsync<long>($"SELECT count(*) FROM publications WHERE content_ref = 'ppid-information:{entry}' AND unplanned"));
        // The obligation was announced to Ppid once.
        Assert.Equal(1, await ScalarAsync<long>($"SELECT count(*) FROM outbox WHERE message_type LIKE '%PeriodicPublicationScheduled%' AND body->>'obligationId' = '{entry}'"));
    }

    [Fact]
    public async Task An_older_publication_after_a_newer_one_changes_nothing_and_a_later_one_renews_the_obligation()
    {
        var entry = Guid.NewGuid();
        var march = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        await PublishAsync(Published(entry, march));
        await Eventually(async () => await ScalarAsync<long>($"SELECT count(*) FROM berkala_obligations WHERE obligation_id = '{entry}'") == 1, "the obligation");
        await PublishAsync(Published(entry, march.AddMonths(-2)));
        await PublishAsync(Published(entry, march.AddMonths(7), "Laporan keuangan (semester)"));
        await Eventually(async () => await ScalarAsync<long>($"SELECT count(*) FROM events WHERE stream_id = 'berkala-{entry}'") == 2, "the renewal");
        await Eventually(async () => await ScalarAsync<long>("SELECT count(*) FROM inbox WHERE consumer = 'calendar.information-published'") >= 3, "every message handled");

        Assert.Equal(new DateOnly(2027, 4, 2), await ScalarAsync<DateOnly>($"SELECT due_date FROM berkala_obligations WHERE obligation_id = '{entry}'"));
        Assert.Equal(["berkala-obligation-started", "berkala-obligation-renewed"],
            await QueryAsync<string>($"SELECT type FROM events WHERE stream_id = 'berkala-{entry}' ORDER BY version"));
        // The first period was met late (October, due in September); the second is open.
        Assert.Equal([true, false], await QueryAsync<bool>($"SELECT met_at IS NOT NULL FROM berkala_cycles WHERE obligation_id = '{entry}' ORDER BY due_date"));
        Assert.True(await ScalarAsync<bool>($"SELECT met_late FROM berkala_cycles WHERE obligation_id = '{entry}' AND due_date = '2026-09-02'"));
    }

    [Fact]
    public async Task A_planned_item_named_by_its_content_is_marked_published_and_a_repeat_leaves_it_so()
    {
        var entry = Guid.NewGuid();
        var item = Guid.NewGuid();
        var store = host.Services.GetRequiredService<Humas.Eventing.Store.EventStore>();
        await store.AppendAsync(Publication.StreamId(item), Publication.StreamType, 0, [new PublicationPlanned(item, "kpu-73.71",
            new PublicationContent("LRA semester", ContentKind.DipInformation, [Channel.Website], "o", null, null, Visibility.Public, $"ppid-information:{entry}"),
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)))]);
        var message = Published(entry, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await PublishAsync(message);
        await PublishAsync(message);
        await Eventually(async () => await ScalarAsync<string>($"SELECT status FROM publications WHERE publication_id = '{item}'") == "published", "the item published");
        await Eventually(async () => await ScalarAsync<long>($"SELECT count(*) FROM inbox WHERE consumer = 'calendar.information-published'") >= 1, "handled");
        await Task.Delay(1000);
        Assert.Equal(2, await ScalarAsync<long>($"SELECT count(*) FROM events WHERE stream_id = 'publication-{item}'"));
        Assert.True(await ScalarAsync<bool>($"SELECT late FROM publications WHERE publication_id = '{item}'"));
        Assert.Equal(0, await ScalarAsync<long>($"SELECT count(*) FROM publications WHERE content_ref = 'ppid-information:{entry}' AND unplanned"));
    }

    [Fact]
    public async Task Ppids_compliance_view_keeps_the_latest_word_when_an_older_message_arrives_last()
    {
        var id = Guid.NewGuid();
        await PublishAsync(new PeriodicPublicationOverdue
        {
            ObligationId = id, UnitId = "kpu-73.71", Title = "LRA", Category = "berkala", DueDate = new(2026, 7, 15), DetectedAt = DateTimeOffset.UtcNow, ObligationVersion = 3,
        });
        await Eventually(async () => await ScalarAsync<long>($"SELECT count(*) FROM periodic_obligations WHERE obligation_id = '{id}'") == 1, "the overdue obligation");
        await PublishAsync(new PeriodicPublicationScheduled
        {
            ObligationId = id, UnitId = "kpu-73.71", Title = "LRA", Category = "berkala", DueDate = new(2026, 7, 15),
            LastPublishedAt = new DateTimeOffset(2026, 1, 15, 1, 0, 0, TimeSpan.Zero), ObligationVersion = 1,
        });
        await Eventually(async () => await ScalarAsync<bool>($"SELECT last_published_at IS NOT NULL FROM periodic_obligations WHERE obligation_id = '{id}'"), "the older message handled");
        Assert.Equal("overdue", await ScalarAsync<string>($"SELECT state FROM periodic_obligations WHERE obligation_id = '{id}'"));
        Assert.Equal(3, await ScalarAsync<long>($"SELECT version FROM periodic_obligations WHERE obligation_id = '{id}'"));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql) ?? default!;
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<T>(sql)).AsList();
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
