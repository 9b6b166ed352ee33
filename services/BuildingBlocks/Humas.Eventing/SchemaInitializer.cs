using Humas.Eventing.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.Eventing;

/// <summary>Migrates the schema before the service takes work, waiting for the database if it is still starting.</summary>
internal sealed partial class SchemaInitializer(SchemaMigrator migrator, ILogger<SchemaInitializer> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (PostgresErrors.Translate(e) is StoreUnavailableException && DateTime.UtcNow < deadline)
            {
                LogWaiting(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet, retrying: {Error}")]
    private static partial void LogWaiting(ILogger logger, string error);
}
