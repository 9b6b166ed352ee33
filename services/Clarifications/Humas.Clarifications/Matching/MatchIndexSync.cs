using Dapper;
using Npgsql;

namespace Humas.Clarifications.Matching;

/// <summary>
/// Keeps this replica's <see cref="MatchIndex"/> equal to the published clarifications and the open
/// cases: loads them all at start, then reads what changed since (by each table's change sequence)
/// every second. A replica that publishes or opens a case adds to its own index at once, without
/// waiting (docs/adr/0006).
/// </summary>
public sealed partial class MatchIndexSync(NpgsqlDataSource dataSource, MatchIndex index, ILogger<MatchIndexSync> logger) : BackgroundService
{
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastChange;
    private long lastCaseChange;

    /// <summary>Completes once the published clarifications are in the index.</summary>
    public Task Loaded => loaded.Task;

    private sealed record Row(string Number, string Title, string Label, string Claim, bool Retracted, long Change);

    private sealed record CaseRow(Guid CaseId, string UnitId, string Claim, string Status, long Change);

    private const int Batch = 5000;

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
        await CatchUpPublishedAsync(ct);
        await CatchUpCasesAsync(ct);
    }

    private async Task CatchUpCasesAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var rows = (await connection.QueryAsync<CaseRow>(new CommandDefinition("""
                SELECT case_id, unit_id, claim, status, change FROM clarification_cases
                WHERE change > @last ORDER BY change LIMIT @batch
                """, new { last = lastCaseChange, batch = Batch }, cancellationToken: ct))).ToList();
            foreach (var row in rows)
            {
                if (row.Status == "open") index.Upsert(OpenCase(row.CaseId, row.UnitId, row.Claim));
                else index.Remove(MatchIndex.CaseKey(row.CaseId));
                lastCaseChange = row.Change;
            }
            if (rows.Count < Batch) return;
        }
    }

    /// <summary>An open case as matching knows it: by its claim, within its unit, never public.</summary>
    public static MatchCandidate OpenCase(Guid caseId, string unitId, string claim) => new(MatchIndex.CaseKey(caseId), "", "", claim, caseId, unitId);

    private async Task CatchUpPublishedAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
                SELECT number, title, label, claim, retracted, change FROM clarifications_published
                WHERE change > @last ORDER BY change LIMIT @batch
                """, new { last = lastChange, batch = Batch }, cancellationToken: ct))).ToList();
            foreach (var row in rows)
            {
                if (row.Retracted) index.Remove(row.Number);
                else index.Upsert(new MatchCandidate(row.Number, row.Title, row.Label, row.Claim));
                lastChange = row.Change;
            }
            if (rows.Count < Batch) return;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The match index could not catch up with the published clarifications and open cases: {Reason}")]
    private static partial void LogCatchUpFailed(ILogger logger, string reason);
}
