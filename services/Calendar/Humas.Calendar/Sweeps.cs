using Humas.Calendar.Publications.MarkingMissed;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;

namespace Humas.Calendar;

/// <summary>What the calendar notices by itself as time passes: planned items missed (and, with berkala obligations, what came due or overdue).</summary>
public sealed record SweepResult(DateTimeOffset AsOf, int PublicationsMissed, int ObligationsDue, int ObligationsOverdue);

public static class Sweeps
{
    public static async Task<SweepResult> RunAsync(IServiceProvider services, DateTimeOffset asOf, CancellationToken ct)
    {
        var missed = await MarkMissed.SweepAsync(services, asOf, ct);
        var (due, overdue) = await Berkala.CheckingObligations.CheckObligations.SweepAsync(services, asOf, ct);
        return new SweepResult(asOf, missed, due, overdue);
    }

    public sealed record Body(DateTimeOffset? AsOf);

    /// <summary>
    /// An administrator runs the sweep now. In Development only, <c>asOf</c> runs it as of another
    /// moment, so that the end-to-end tests can see an obligation come due without waiting six months.
    /// </summary>
    public static void MapSweep(this WebApplication app) =>
        app.MapPost("/api/calendar/admin/sweep", async (Body? body, IServiceProvider services, IHostEnvironment environment, TimeProvider clock, CancellationToken ct) =>
            {
                if (body?.AsOf is not null && !environment.IsDevelopment()) throw Refusal.Invalid("asOf", "sweep.as-of-development-only");
                return TypedResults.Ok(await RunAsync(services, body?.AsOf ?? clock.GetUtcNow(), ct));
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
                var result = await Sweeps.RunAsync(services, clock.GetUtcNow(), stoppingToken);
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
