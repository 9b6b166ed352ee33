using Dapper;
using Npgsql;

namespace Humas.Clarifications.Matching;

/// <summary>
/// Keeps this replica's <see cref="MatchIndex"/> equal to the published clarifications: loads them
/// all at start, then reads what changed since (by the table's change sequence) every second. A
/// replica that publishes adds to its own index at once, without waiting (docs/adr/0005).
/// </summary>
public sealed partial class MatchIndexSync(NpgsqlDataSource dataSource, MatchIndex index, ILogger<MatchIndexSync> logger) : BackgroundService
{
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastChange;

    /// <summary>Completes once the published clarifications are in the index.</summary>
    public Task Loaded => loaded.Task;

    private sealed record Row(string Number, string Title, string Label, string Claim, bool Retracted, long Change);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                loaded.TrySetResult();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogCatchUpFailed(logger, e.Message);
            }
            try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task CatchUpAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
                SELECT number, title, label, claim, retracted, change FROM clarifications_published
                WHERE change > @last ORDER BY change LIMIT 5000
                """, new { last = lastChange }, cancellationToken: ct))).ToList();
            foreach (var row in rows)
            {
                if (row.Retracted) index.Remove(row.Number);
                else index.Upsert(new MatchCandidate(row.Number, row.Title, row.Label, row.Claim));
                lastChange = row.Change;
            }
            if (rows.Count < 5000) return;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The match index could not catch up with the published clarifications: {Reason}")]
    private static partial void LogCatchUpFailed(ILogger logger, string reason);
}
