using Humas.Calendar.Publications.MarkingMissed;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;

namespace Humas.Calendar;

/// <summary>What the calendar notices by itself as time passes: planned items missed (and, with berkala obligations, what came due or overdue).</summary>
public sealed record SweepResult(DateTimeOffset AsOf, int PublicationsMissed, int ObligationsDue, int ObligationsOverdue);

public static class Sweeps
{
    /// <summary>Planned items are judged at <paramref name="now"/>; berkala obligations at <paramref name="obligationsAsOf"/> (the same moment, but in Development).</summary>
    public static async Task<SweepResult> RunAsync(IServiceProvider services, DateTimeOffset now, DateTimeOffset obligationsAsOf, CancellationToken ct)
    {
        await Recurrence.GenerateOccurrences.SweepAsync(services, now, ct);
        var missed = await MarkMissed.SweepAsync(services, now, ct);
        var (due, overdue) = await Berkala.CheckingObligations.CheckObligations.SweepAsync(services, obligationsAsOf, ct);
        return new SweepResult(obligationsAsOf, missed, due, overdue);
    }

    public sealed record Body(DateTimeOffset? AsOf);

    /// <summary>
    /// An administrator runs the sweep now. In Development only, <c>asOf</c> checks the berkala
    /// obligations as of another moment, so that the end-to-end tests can see an obligation come due
    /// without waiting six months; planned items are always judged at the real time.
    /// </summary>
    public static void MapSweep(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/calendar/admin/sweep", async (Body? body, IServiceProvider services, IHostEnvironment environment, TimeProvider clock, CancellationToken ct) =>
            {
                if (body?.AsOf is not null && !environment.IsDevelopment()) throw Refusal.Invalid("asOf", "sweep.as-of-development-only");
                var now = clock.GetUtcNow();
                return TypedResults.Ok(await RunAsync(services, now, body?.AsOf ?? now, ct));
            })
            .RequireAuthorization(HumasPolicies.Admin).WithTags("Administration").WithName("RunCalendarSweep")
            .WithSummary("Mark missed items and check berkala obligations now (administrators)")
            .Produces<SweepResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

/// <summary>Runs the sweep every few minutes (Humas:Calendar:SweepInterval, five minutes by default).</summary>
public sealed partial class SweepService(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<SweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Humas:Calendar:SweepInterval", TimeSpan.FromMinutes(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var result = await Sweeps.RunAsync(services, now, now, stoppingToken);
                if (result.PublicationsMissed + result.ObligationsDue + result.ObligationsOverdue > 0)
                    LogSwept(logger, result.PublicationsMissed, result.ObligationsDue, result.ObligationsOverdue);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Missed} publications missed, {Due} obligations due, {Overdue} overdue")]
    private static partial void LogSwept(ILogger logger, int missed, int due, int overdue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar sweep failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
