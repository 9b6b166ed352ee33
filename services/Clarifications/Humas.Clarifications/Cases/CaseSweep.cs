using Dapper;
using Humas.Clarifications.Published;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Npgsql;

namespace Humas.Clarifications.Cases;

/// <summary>
/// Open cases past their response target are flagged and escalated to the province. One sweep at
/// a time across every replica (a PostgreSQL advisory lock); each case is decided on its stream,
/// so a case answered meanwhile is left alone.
/// </summary>
public static partial class CaseSweep
{
    public const string SweepLock = "clarifications:case-sweep";

    public sealed record SweepResult(DateTimeOffset AsOf, int Flagged, int Failed);

    public static async Task<SweepResult?> RunAsync(IServiceProvider services, DateTimeOffset now, TimeSpan lockWait, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        await using var sweepLock = await AdvisoryLock.TryAcquireAsync(db, SweepLock, lockWait, ct);
        if (sweepLock is null) return null;
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CaseSweep));
        List<Guid> due;
        await using (var connection = await db.OpenConnectionAsync(ct))
            due = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT case_id FROM clarification_cases WHERE status = 'open' AND NOT flagged AND due_at < @now ORDER BY due_at LIMIT 1000",
                new { now }, cancellationToken: ct))).ToList();
        int flagged = 0, failed = 0;
        foreach (var id in due)
        {
            try
            {
                var outcome = await store.DecideAsync(ClarificationCase.StreamId(id), ClarificationCase.StreamType, ClarificationCase.Initial, ClarificationCase.Evolve,
                    state => CaseDecisions.FlagPastTarget(state, now, PublishedProjection.ProvinceOf(units, state.UnitId)),
                    new EventMetadata(Actor: "case-sweep"), ct);
                if (outcome is (_, [CaseFlaggedPastTarget])) flagged++;
            }
            catch (Exception e) when (e is not (OperationCanceledException or StoreUnavailableException))
            {
                failed++;
                LogCaseFailed(logger, id, e.GetType().Name);
            }
        }
        return new SweepResult(now, flagged, failed);
    }

    public sealed record Body(DateTimeOffset? AsOf);

    /// <summary>An administrator runs the sweep now; in Development only, as of another moment (so that tests need not wait hours).</summary>
    public static void MapCaseSweep(this RouteGroupBuilder api) =>
        api.MapPost("/admin/sweep", async (Body? body, IServiceProvider services, IHostEnvironment environment, TimeProvider clock, CancellationToken ct) =>
            {
                if (body?.AsOf is not null && !environment.IsDevelopment()) throw Refusal.Invalid("asOf", "clarification.sweep.as-of-development-only");
                return await RunAsync(services, body?.AsOf ?? clock.GetUtcNow(), TimeSpan.FromSeconds(10), ct) is { } result
                    ? TypedResults.Ok(result)
                    : throw Refusal.Conflict("clarification.sweep.running");
            })
            .RequireAuthorization(HumasPolicies.Admin).WithTags("Administration").WithName("RunCaseSweep")
            .WithSummary("Flag open cases past their response target and escalate them to the province, now (administrators)")
            .Produces<SweepResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case sweep could not judge case {CaseId}: {ErrorType}")]
    private static partial void LogCaseFailed(ILogger logger, Guid caseId, string errorType);
}

/// <summary>Runs the case sweep every few minutes (Humas:Clarifications:SweepInterval, one minute by default).</summary>
public sealed partial class CaseSweepService(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<CaseSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Humas:Clarifications:SweepInterval", TimeSpan.FromMinutes(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Another replica sweeping now does this round's work.
                if (await CaseSweep.RunAsync(services, clock.GetUtcNow(), TimeSpan.Zero, stoppingToken) is { Flagged: > 0 } result)
                    LogFlagged(logger, result.Flagged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} cases passed their response target and were escalated")]
    private static partial void LogFlagged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case sweep failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
