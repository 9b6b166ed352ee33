using Humas.Eventing.Store;
using Humas.MediaRelations.Contracts;
using Npgsql;

namespace Humas.MediaRelations.PressReleases;

/// <summary>
/// What happens to a release at its time with no one acting: a scheduled release is published,
/// an embargo is lifted. The clock is the TimeProvider the service is given, so a test can move it.
/// </summary>
public static class ReleaseTimers
{
    public static IReadOnlyList<object> Decide(PressRelease state, DateTimeOffset now)
    {
        if (state.Status == ReleaseStatus.Scheduled && state.PublishAt <= now)
            return [ReleaseWorkflow.PublishedNow(state, state.EmbargoUntil, now)];
        if (state.IsUnderEmbargo && state.EmbargoUntil <= now)
            return [new PressReleaseEmbargoLifted(state.Id, state.UnitId, state.Content.Headline, state.Content.Language, state.CurrentVersion, now, state.ClarificationId)];
        return [];
    }

    /// <summary>Acts on every release whose time has come; answers how many changed. Safe to run on several replicas at once.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<EventStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var due = new List<Guid>();
        await using (var command = db.CreateCommand("SELECT release_id FROM press_release_timers WHERE due_at <= @now ORDER BY due_at LIMIT 500"))
        {
            command.Parameters.AddWithValue("now", now);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) due.Add(reader.GetGuid(0));
        }
        var changed = 0;
        foreach (var releaseId in due)
        {
            try
            {
                var outcome = await store.DecideAsync(PressRelease.StreamId(releaseId), PressRelease.StreamType, PressRelease.Initial, PressRelease.Evolve,
                    state => Decide(state, now), new EventMetadata(Actor: "release-timer"), ct);
                if (outcome is (_, { Count: > 0 })) changed++;
            }
            catch (ConcurrencyException)
            {
                // Another replica (or an officer) changed it first; the next sweep looks again.
            }
        }
        return changed;
    }
}

/// <summary>The times to act on, kept inline with the events.</summary>
public sealed class ReleaseTimersProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            DateTimeOffset? due = recorded.Data switch
            {
                PressReleaseScheduled e => e.PublishAt,
                PressReleasePublishedInternally e => e.EmbargoUntil,
                PressReleaseEmbargoLifted => null,
                PressReleaseWithdrawn => null,
                _ => DateTimeOffset.MinValue,
            };
            if (due == DateTimeOffset.MinValue) continue;
            var releaseId = Guid.Parse(recorded.StreamId["press-release-".Length..]);
            var sql = due is null
                ? "DELETE FROM press_release_timers WHERE release_id = @id"
                : "INSERT INTO press_release_timers (release_id, due_at) VALUES (@id, @due) ON CONFLICT (release_id) DO UPDATE SET due_at = EXCLUDED.due_at";
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("id", releaseId);
            if (due is { } at) command.Parameters.AddWithValue("due", at);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>Other services learn when a release became public, was corrected or withdrawn; drafts and embargoed releases stay inside.</summary>
public sealed class ReleaseIntegrationEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        switch (recorded.Data)
        {
            case PressReleasePublishedInternally { EmbargoUntil: null } e:
                yield return new PressReleasePublished(e.ReleaseId, e.UnitId, 1, e.Language, e.Headline, e.PublishedAt, e.ClarificationId);
                break;
            case PressReleaseEmbargoLifted e:
                yield return new PressReleasePublished(e.ReleaseId, e.UnitId, e.Version, e.Language, e.Headline, e.LiftedAt, e.ClarificationId);
                break;
            case PressReleaseCorrected { Public: true } e:
                yield return new Contracts.PressReleaseCorrected(e.ReleaseId, e.UnitId, e.Version, e.Note, e.CorrectedAt);
                break;
            case PressReleaseWithdrawn { WasPublic: true } e:
                yield return new Contracts.PressReleaseWithdrawn(e.ReleaseId, e.UnitId, e.Notice, e.WithdrawnAt);
                break;
        }
    }
}

/// <summary>Runs the sweep every few seconds (Humas:Media:TimerInterval, 15 s by default, so feeds carry a release within a minute).</summary>
public sealed partial class ReleaseTimerService(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<ReleaseTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Humas:Media:TimerInterval", TimeSpan.FromSeconds(15));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var changed = await ReleaseTimers.SweepAsync(services, stoppingToken);
                if (changed > 0) LogChanged(logger, changed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} releases reached their time")]
    private static partial void LogChanged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Release timer sweep failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
