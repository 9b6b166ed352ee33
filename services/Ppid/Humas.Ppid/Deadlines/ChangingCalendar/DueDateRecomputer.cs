using System.Threading.Channels;
using Humas.Eventing.Store;
using Humas.Ppid.Objections;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Ppid.Deadlines.ChangingCalendar;

/// <summary>
/// Counts the open due dates again after a calendar change, in the background and resumably: the
/// change's row in ppid_due_date_recomputations holds the pass's place, saved after every batch,
/// so a restart (or a crash) resumes where it was and a stream done twice changes nothing the
/// second time. A stream that fails is logged and counted, the pass goes on, and the whole pass
/// runs again later until none fails. One replica works at a time (an advisory lock).
/// </summary>
public sealed partial class DueDateRecomputer(
    NpgsqlDataSource db, EventStore store, UnitDirectory units, PpidCalendar calendar, TimeProvider clock, IConfiguration configuration,
    ILogger<DueDateRecomputer> logger) : BackgroundService
{
    public const string JobLock = "ppid:due-date-recomputation";
    private const int BatchSize = 100;

    private readonly Channel<bool> wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TimeSpan PollInterval => configuration.GetValue("Humas:Ppid:Recompute:PollInterval", TimeSpan.FromSeconds(2));
    private TimeSpan RetryInterval => configuration.GetValue("Humas:Ppid:Recompute:RetryInterval", TimeSpan.FromSeconds(15));

    /// <summary>A change was recorded here: start now rather than at the next poll (other replicas find it by polling).</summary>
    public void Wake() => wakeUp.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken)) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(PollInterval);
            try { await wakeUp.Reader.ReadAsync(wait.Token); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { /* poll */ }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs (or resumes) one pass if a change waits and no other replica is at it; answers whether it did.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var jobLock = await AdvisoryLock.TryAcquireAsync(db, JobLock, TimeSpan.Zero, ct);
        if (jobLock is null) return false;
        await using var connection = await db.OpenConnectionAsync(ct);
        var job = await DueDateRecomputations.LatestPendingAsync(connection, ct);
        if (job is null || job.RetryAt > clock.GetUtcNow()) return false;

        var cause = await DueDateRecomputations.CausesUpToAsync(connection, job.CalendarVersion, ct);
        await DueDateRecomputations.StartAsync(connection, job.CalendarVersion, ct);
        var (current, _) = await calendar.CurrentAsync(ct);
        var rules = calendar.Rules.WorkingDays;
        var now = clock.GetUtcNow();
        var (phase, checkpoint) = (job.Phase, job.Checkpoint);

        if (phase == "requests")
        {
            while (await DueDateRecomputations.OpenRequestsAfterAsync(connection, checkpoint, BatchSize, ct) is { Count: > 0 } ids)
            {
                var (changed, failed) = await EachAsync(ids, id => RecomputeDueDates.ForRequestAsync(store, units, current, rules, id, cause, now, ct), id => $"request-{id}");
                checkpoint = ids[^1];
                await DueDateRecomputations.CheckpointAsync(connection, job.CalendarVersion, phase, checkpoint, changed, 0, failed, ct);
            }
            (phase, checkpoint) = ("objections", Guid.Empty);
            await DueDateRecomputations.CheckpointAsync(connection, job.CalendarVersion, phase, checkpoint, 0, 0, 0, ct);
        }
        while (await DueDateRecomputations.UndecidedObjectionsAfterAsync(connection, checkpoint, BatchSize, ct) is { Count: > 0 } objections)
        {
            var (changed, failed) = await EachAsync(objections,
                o => RecomputeObjectionDueDates.ForObjectionAsync(store, units, current, rules, o.ObjectionId, o.UnitId, cause, now, ct), o => $"objection-{o.ObjectionId}");
            checkpoint = objections[^1].ObjectionId;
            await DueDateRecomputations.CheckpointAsync(connection, job.CalendarVersion, phase, checkpoint, 0, changed, failed, ct);
        }
        await DueDateRecomputations.FinishPassAsync(connection, job.CalendarVersion, RetryInterval, ct);
        var finished = await DueDateRecomputations.FindAsync(db, job.CalendarVersion, ct);
        if (finished?.CompletedAt is not null) LogCompleted(logger, job.CalendarVersion, finished.RequestsChanged, finished.ObjectionsChanged);
        else LogRetrying(logger, job.CalendarVersion, finished?.FailedStreams ?? 0);
        return true;
    }

    /// <summary>Recomputes each stream on its own; one that fails (but not the database as a whole) is counted and skipped.</summary>
    private async Task<(int Changed, int Failed)> EachAsync<T>(IReadOnlyList<T> items, Func<T, Task<bool>> recompute, Func<T, string> name)
    {
        int changed = 0, failed = 0;
        foreach (var item in items)
        {
            try
            {
                if (await recompute(item)) changed++;
            }
            catch (Exception e) when (e is not (OperationCanceledException or StoreUnavailableException))
            {
                failed++;
                LogStreamFailed(logger, name(item), e.GetType().Name, e.Message);
            }
        }
        return (changed, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due dates recomputed for calendar version {Version}: {Requests} requests and {Objections} objections moved")]
    private static partial void LogCompleted(ILogger logger, long version, int requests, int objections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-date recomputation for calendar version {Version}: {Failed} streams failed; the pass runs again later")]
    private static partial void LogRetrying(ILogger logger, long version, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due date of {Stream} could not be recomputed: {ErrorType}: {Error}")]
    private static partial void LogStreamFailed(ILogger logger, string stream, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-date recomputation stopped; it resumes from its checkpoint: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
