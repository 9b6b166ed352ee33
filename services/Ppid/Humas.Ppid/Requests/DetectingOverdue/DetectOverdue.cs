using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Npgsql;

namespace Humas.Ppid.Requests.DetectingOverdue;

/// <summary>
/// A request is overdue when the office day of its due date has closed with no answer. An
/// extension moves the due date, so an extended request is judged by its new date only; one
/// awaiting the requester's clarification is not overdue while the rule set stops the clock.
/// </summary>
public static partial class DetectOverdue
{
    public static IReadOnlyList<object> Decide(InformationRequest state, DecisionContext context)
    {
        if (!state.IsOpen || state.Overdue || !context.HasPassed(state.DueDate)) return [];
        if (state.Status == RequestStatus.AwaitingClarification && context.Rules.PauseClockDuringClarification) return [];
        return [new RequestBecameOverdue(state.DueDate, context.Now)];
    }

    /// <summary>What a sweep came to: the requests it marked overdue, and those it could not look at (logged).</summary>
    public sealed record SweepResult(int BecameOverdue, int Failed);

    /// <summary>One sweep at a time across every replica: the lock's name in PostgreSQL.</summary>
    public const string SweepLock = "ppid:overdue-sweep";

    /// <summary>
    /// Looks at every open request whose due date has come. Only one replica sweeps at a time: the
    /// others wait up to <paramref name="lockWait"/> for the sweep lock and get null when a sweep is
    /// still running. A request that cannot be looked at (a stream that no longer reads) is logged
    /// and counted, and the sweep goes on with the rest.
    /// </summary>
    public static async Task<SweepResult?> SweepAsync(IServiceProvider services, TimeSpan lockWait, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        await using var sweepLock = await AdvisoryLock.TryAcquireAsync(db, SweepLock, lockWait, ct);
        if (sweepLock is null) return null;

        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var calendar = services.GetRequiredService<PpidCalendar>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DetectOverdue));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (workingDays, _) = await calendar.CurrentAsync(ct);
        int marked = 0, failed = 0;
        // WIT is the earliest zone: a date that has not begun there has not passed anywhere.
        foreach (var row in await RequestLookup.OpenDueByAsync(db, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime), ct))
        {
            try
            {
                var outcome = await store.DecideAsync(InformationRequest.StreamId(row.RequestId), InformationRequest.StreamType, InformationRequest.Initial, InformationRequest.Evolve,
                    state => Decide(state, new DecisionContext(now, calendar.Rules, workingDays, units.ZoneOf(state.UnitId), "system")),
                    new EventMetadata(Actor: "overdue-detector"), ct);
                if (outcome is (_, [RequestBecameOverdue])) marked++;
            }
            catch (Exception e) when (e is not (OperationCanceledException or StoreUnavailableException))
            {
                // One request that cannot be judged must not keep the others from being marked.
                failed++;
                LogRequestFailed(logger, row.RegistrationNumber, e.GetType().Name, e.Message);
            }
        }
        return new SweepResult(marked, failed);
    }

    public static void MapRunOverdueSweep(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/ppid/admin/overdue-sweep", RunAsync)
            .RequireAuthorization(HumasPolicies.Admin).WithTags("Administration").WithName("RunOverdueSweep")
            .WithSummary("Run the overdue detection now (waits for a sweep another replica is running, then 409)")
            .Produces<SweepResult>().ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        var wait = configuration.GetValue("Humas:Ppid:OverdueSweepLockWait", TimeSpan.FromSeconds(10));
        return await SweepAsync(services, wait, ct) is { } result
            ? TypedResults.Ok(result)
            : throw Refusal.Conflict("request.overdue-sweep.running");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Overdue sweep could not judge request {RegistrationNumber}: {ErrorType}: {Error}")]
    private static partial void LogRequestFailed(ILogger logger, string registrationNumber, string errorType, string error);
}

/// <summary>Runs the overdue sweep every few minutes (Humas:Ppid:OverdueSweepInterval).</summary>
public sealed partial class OverdueDetector(IServiceProvider services, IConfiguration configuration, ILogger<OverdueDetector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Humas:Ppid:OverdueSweepInterval", TimeSpan.FromMinutes(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Another replica sweeping now does this round's work.
                if (await DetectOverdue.SweepAsync(services, TimeSpan.Zero, stoppingToken) is { } result)
                {
                    if (result.BecameOverdue > 0) LogMarked(logger, result.BecameOverdue);
                    if (result.Failed > 0) LogSomeFailed(logger, result.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} requests became overdue")]
    private static partial void LogMarked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue sweep could not judge {Count} requests; it tries them again next round")]
    private static partial void LogSomeFailed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue sweep failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
