using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.Eventing.Projections;

/// <summary>Keeps every registered async projection caught up, polling when there is nothing to do.</summary>
public sealed partial class AsyncProjectionDaemon(IEnumerable<AsyncProjectionRunner> runners, ILogger<AsyncProjectionDaemon> logger) : BackgroundService
{
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = runners.ToArray();
        if (all.Length == 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            foreach (var runner in all)
            {
                try { applied += await runner.RunOnceAsync(ct: stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { LogFailed(logger, runner.Name, e.GetType().Name, e.Message); }
            }
            if (applied == 0)
            {
                try { await Task.Delay(IdleDelay, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} failed a batch: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string projection, string errorType, string error);
}
