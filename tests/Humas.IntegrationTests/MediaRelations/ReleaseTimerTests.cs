using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Humas.MediaRelations.Contracts;
using Humas.MediaRelations.Feeds;
using Humas.MediaRelations.PressReleases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.MediaRelations;

/// <summary>A clock the test sets: the service's TimeProvider, so "now" is whatever the test says.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The embargo is lifted by the service's own timer with no one acting, at the time of the clock
/// it is given: on real PostgreSQL, through the inline projections the service uses.
/// </summary>
public sealed class ReleaseTimerTests : IAsyncLifetime
{
    private const string Database = "test_media_timers";
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly SettableClock clock = new(Start);
    private IHost host = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("Humas__Media__TimerInterval", "00:00:00.200");
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        host = await EventingHost.StartAsync(Database, TestInfrastructure.RabbitMqServer, eventing => eventing
                .Event<PressReleaseDrafted>("press-release-drafted")
                .Event<PressReleaseSubmitted>("press-release-submitted")
                .Event<PressReleaseApproved>("press-release-approved")
                .Event<PressReleaseScheduled>("press-release-scheduled")
                .Event<PressReleasePublishedInternally>("press-release-published")
                .Event<PressReleaseEmbargoLifted>("press-release-embargo-lifted")
                .Publishes<PressReleasePublished>()
                .MigrationsFrom(typeof(PressRelease).Assembly)
                .InlineProjection<ReleaseTimersProjection>()
                .InlineProjection<ReleaseFeedProjection>()
                .Translator<ReleaseIntegrationEvents>(),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<MarkdownRenderer>();
                services.AddHostedService<ReleaseTimerService>();
            });
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("Humas__Media__TimerInterval", null);
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task An_embargoed_release_becomes_public_by_itself_when_the_clock_reaches_its_time_and_not_before()
    {
        var store = host.Store();
        var id = Guid.CreateVersion7();
        var embargo = Start.AddHours(3);
        var body = new ReleaseBody("kpu-33", "Embargo", "Ringkasan", "Isi", "id", ["pemilu"], "Semarang", "Humas", "Kepala", "+62 24 1", null);
        var drafted = ReleaseWorkflow.Draft(body, id, "author", Start);
        var state = PressRelease.Evolve(PressRelease.Evolve(PressRelease.Evolve(PressRelease.Initial, drafted),
            new PressReleaseSubmitted(id, "author", Start)), new PressReleaseApproved(id, "reviewer", Start));
        await store.AppendAsync(PressRelease.StreamId(id), PressRelease.StreamType, ExpectedVersion.NoStream,
            [drafted, new PressReleaseSubmitted(id, "author", Start), new PressReleaseApproved(id, "reviewer", Start),
             ReleaseWorkflow.PublishedNow(state, embargo, Start)]);

        // Time passes, but not to the embargo: several sweeps run and change nothing.
        clock.Now = embargo.AddSeconds(-1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(await PublicAsync(id));
        Assert.Equal(0, await PublishedMessagesAsync());

        clock.Now = embargo;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await PublicAsync(id))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The embargo was not lifted within 20 s of the clock reaching its time.");
            await Task.Delay(100);
        }
        var (released, _) = (await store.AggregateAsync(PressRelease.StreamId(id), PressRelease.Initial, PressRelease.Evolve))!.Value;
        Assert.True(released.IsPublic);
        Assert.Equal(1, await PublishedMessagesAsync());
    }

    private async Task<bool> PublicAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT public_since IS NOT NULL FROM press_release_feed WHERE release_id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> PublishedMessagesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE message_type LIKE '%PressReleasePublished%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
