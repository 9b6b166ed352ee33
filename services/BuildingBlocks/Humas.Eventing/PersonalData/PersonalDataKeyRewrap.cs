using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Humas.Eventing.PersonalData;

/// <summary>
/// Once the service has started: re-wraps every subject key still wrapped by a previous master
/// key (or in the first format) with the current one, so that a replaced key can be dropped
/// from PreviousMasterKeys. Several replicas share the work (rows are locked, skipped by others).
/// </summary>
internal sealed partial class PersonalDataKeyRewrap(PersonalDataVault vault, ILogger<PersonalDataKeyRewrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var count = await vault.RewrapAsync(stoppingToken);
            if (count > 0) LogRewrapped(logger, count, vault.CurrentMasterKeyId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-wrapped {Count} personal-data keys with master key {MasterKeyId}")]
    private static partial void LogRewrapped(ILogger logger, int count, string masterKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-wrapping personal-data keys failed: {ErrorType}: {Error}")]
    private static partial void LogFailed(ILogger logger, string errorType, string error);
}
