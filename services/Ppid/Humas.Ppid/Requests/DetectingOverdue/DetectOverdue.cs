using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Ppid.Requests.DetectingOverdue;

/// <summary>
/// A request is overdue when the office day of its due date has closed with no answer. An
/// extension moves the due date, so an extended request is judged by its new date only; one
/// awaiting the requester's clarification is not overdue while the rule set stops the clock.
/// </summary>
public static class DetectOverdue
{
    public static IReadOnlyList<object> Decide(InformationRequest state, DecisionContext context)
    {
        if (!state.IsOpen || state.Overdue || !context.HasPassed(state.DueDate)) return [];
        if (state.Status == RequestStatus.AwaitingClarification && context.Rules.PauseClockDuringClarification) return [];
        return [new RequestBecameOverdue(state.DueDate, context.Now)];
    }

    /// <summary>Looks at every open request whose due date has come; returns how many became overdue.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<EventStore>();
        var units = services.GetRequiredService<UnitDirectory>();
        var calendar = services.GetRequiredService<PpidCalendar>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (workingDays, _) = await calendar.CurrentAsync(ct);
        var marked = 0;
        // WIT is the earliest zone: a date that has not begun there has not passed anywhere.
        foreach (var row in await RequestLookup.OpenDueByAsync(db, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime), ct))
        {
            var outcome = await store.DecideAsync(InformationRequest.StreamId(row.RequestId), InformationRequest.StreamType, InformationRequest.Initial, InformationRequest.Evolve,
                state => Decide(state, new DecisionContext(now, calendar.Rules, workingDays, units.Find(state.UnitId)!.TimeZone, "system")),
                new EventMetadata(Actor: "overdue-detector"), ct);
            if (outcome is (_, [RequestBecameOverdue])) marked++;
        }
        return marked;
    }
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
                var marked = await DetectOverdue.SweepAsync(services, stoppingToken);
                if (marked > 0) LogMarked(logger, marked);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue sweep failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
