using Dapper;
using Humas.Calendar;
using Humas.Calendar.Publications.Completing;
using Humas.Clarifications.Contracts;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Humas.MediaRelations.Contracts;
using Humas.MediaRelations.Feeds;
using Humas.MediaRelations.OfficialStatements;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.MediaRelations;

/// <summary>
/// A clarification the mass media quoted becomes a draft official statement (once, however often
/// the message comes), and its publication reaches the Calendar with the link to the clarification:
/// MediaRelations' and Calendar's consumers on real PostgreSQL and RabbitMQ, in one host.
/// </summary>
public sealed class OfficialStatementTests : IAsyncLifetime
{
    private const string Database = "test_media_statements";
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-media-statements");
        host = await EventingHost.StartAsync(Database, rabbitMq, eventing => eventing
                .Event<PressReleaseDrafted>("press-release-drafted")
                .Event<PressReleaseSubmitted>("press-release-submitted")
                .Event<PressReleaseApproved>("press-release-approved")
                .Event<PressReleasePublishedInternally>("press-release-published")
                .Publishes<PressReleasePublished>()
                .MigrationsFrom(typeof(PressRelease).Assembly)
                .MigrationsFrom(typeof(CalendarSetup).Assembly)
                .AddCalendarEvents()
                .InlineProjection<ReleaseFeedProjection>()
                .Translator<ReleaseIntegrationEvents>()
                .Consumer<ClarificationPublishedConsumer>()
                .Consumer<PressReleasePublishedConsumer>(),
            services => services.AddSingleton(UnitDirectory.Load()).AddSingleton(TimeProvider.System).AddSingleton<MarkdownRenderer>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static ClarificationPublished Clarification(Guid id, bool massMedia, int version = 1) => new(
        id, "KLR-33-2026-0007", version, "kpu-33", "hoaks", "Surat suara tidak dicoblos sebelum hari pemungutan", "Surat suara sudah dicoblos di gudang",
        new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero), "https://kpu.example.org/klarifikasi/7", false, null,
        new ClarificationReach(1200, 50000, massMedia ? ["Harian Semarang"] : [], massMedia));

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        host.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId ?? Guid.NewGuid());

    [Fact]
    public async Task A_clarification_quoted_by_the_mass_media_opens_one_draft_whose_publication_the_calendar_records_with_the_link()
    {
        var clarification = Guid.NewGuid();
        var releaseId = OfficialStatements.ReleaseIdFor(clarification);
        var messageId = Guid.NewGuid();
        await PublishAsync(Clarification(clarification, massMedia: true), messageId);
        await PublishAsync(Clarification(clarification, massMedia: true), messageId);
        await PublishAsync(Clarification(clarification, massMedia: true, version: 2));
        await Eventually(async () => await ScalarAsync<long>("SELECT count(*) FROM inbox WHERE consumer = 'mediarelations.clarification-published'") >= 2, "both messages handled");
        Assert.Equal(1, await ScalarAsync<long>($"SELECT count(*) FROM events WHERE stream_id = 'press-release-{releaseId}'"));

        var store = host.Store();
        var (draft, version) = (await store.AggregateAsync(PressRelease.StreamId(releaseId), PressRelease.Initial, PressRelease.Evolve))!.Value;
        Assert.Equal(clarification, draft.ClarificationId);
        Assert.Equal(ReleaseStatus.Draft, draft.Status);
        Assert.Contains("Surat suara sudah dicoblos di gudang", draft.Content.BodyMarkdown);

        // The officer who submits it does not approve it; another does, and it is published.
        var now = DateTimeOffset.UtcNow;
        var submitted = ReleaseWorkflow.Submit(draft, new ReleaseContext(now, "officer-a"));
        var state = submitted.Aggregate(draft, PressRelease.Evolve);
        Assert.Throws<Humas.ServiceDefaults.Problems.Refusal>(() => ReleaseWorkflow.Approve(state, new ReleaseContext(now, "officer-a")));
        var approved = ReleaseWorkflow.Approve(state, new ReleaseContext(now, "officer-b"));
        state = approved.Aggregate(state, PressRelease.Evolve);
        var published = ReleaseWorkflow.Publish(state, null, null, new ReleaseContext(now, "officer-b"));
        await store.AppendAsync(PressRelease.StreamId(releaseId), PressRelease.StreamType, version, [.. submitted, .. approved, .. published]);

        await Eventually(async () => await ScalarAsync<long>($"SELECT count(*) FROM publications WHERE content_ref = 'media-release:{releaseId}'") == 1,
            "the calendar to record the statement");
        Assert.Equal(clarification.ToString(), await ScalarAsync<string>(
            $"SELECT body->>'clarificationId' FROM outbox WHERE message_type LIKE '%PressReleasePublished%' AND body->>'releaseId' = '{releaseId}'"));
        Assert.Equal("published", await ScalarAsync<string>($"SELECT status FROM publications WHERE content_ref = 'media-release:{releaseId}'"));
    }

    [Fact]
    public async Task A_clarification_without_mass_media_reach_opens_no_statement()
    {
        var clarification = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await PublishAsync(Clarification(clarification, massMedia: false), messageId);
        await Eventually(async () => await ScalarAsync<long>($"SELECT count(*) FROM inbox WHERE consumer = 'mediarelations.clarification-published' AND message_id = '{messageId}'") == 1,
            "the message handled");
        Assert.Equal(0, await ScalarAsync<long>($"SELECT count(*) FROM events WHERE stream_id = 'press-release-{OfficialStatements.ReleaseIdFor(clarification)}'"));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql) ?? default!;
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
