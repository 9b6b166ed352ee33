using Dapper;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Calendar.Feeds;

/// <summary>What goes into a unit's feed: public, or everything its officers see (internal items, berkala obligations, PPID request due dates).</summary>
public static class FeedQueries
{
    /// <summary>Items from this many days back; older ones leave the feed (a subscriber's program keeps what it had).</summary>
    public const int DaysBack = 400;

    private sealed record StageRow(string ElectionId, string ElectionName, string StageId, string NameId, DateOnly StartDate, DateOnly EndDate, string? Source);

    private sealed record ObligationRow(Guid ObligationId, string Title, DateOnly DueDate, bool Overdue, long Version);

    private sealed record RequestRow(string RegistrationNumber, DateOnly DueDate, bool Overdue);

    public static async Task<FeedRenderer.Content> LoadAsync(NpgsqlConnection connection, Unit unit, bool internalToo, DateOnly today, CancellationToken ct)
    {
        var since = today.AddDays(-DaysBack);
        var items = (await connection.QueryAsync<FeedRenderer.Item>(new CommandDefinition($"""
            SELECT publication_id AS id, title, kind, channels, planned_at, status, {(internalToo ? "notes" : "NULL::text AS notes")}, updated_at, version, url
            FROM publications
            WHERE unit_id = @unit AND planned_at IS NOT NULL AND agenda_date >= @since {(internalToo ? "" : "AND visibility = 'public'")}
            ORDER BY planned_at, publication_id
            """, new { unit = unit.Id, since }, cancellationToken: ct))).AsList();
        var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition("""
            SELECT s.election_id, e.name_id AS election_name, s.stage_id, s.name_id, s.start_date, s.end_date, s.source
            FROM election_stages s JOIN elections e ON e.election_id = s.election_id ORDER BY s.start_date, s.election_id, s.stage_id
            """, cancellationToken: ct)))
            .Select(s => new FeedRenderer.StageItem(s.ElectionId, s.ElectionName, s.StageId, s.NameId, s.StartDate, s.EndDate, s.Source)).ToList();
        var dueDates = new List<FeedRenderer.DueDate>();
        if (internalToo)
        {
            var obligations = await connection.QueryAsync<ObligationRow>(new CommandDefinition(
                "SELECT obligation_id, title, due_date, overdue, version FROM berkala_obligations WHERE unit_id = @unit ORDER BY due_date, obligation_id",
                new { unit = unit.Id }, cancellationToken: ct));
            dueDates.AddRange(obligations.Select(o => new FeedRenderer.DueDate($"berkala-{o.ObligationId}@{FeedRenderer.UidDomain}",
                $"Informasi berkala: {o.Title}{(o.Overdue ? " (terlambat)" : "")}", o.DueDate, "Batas publikasi ulang informasi berkala (UU 14/2008 Pasal 9)")));
            var requests = await connection.QueryAsync<RequestRow>(new CommandDefinition("""
                SELECT registration_number, due_date, overdue FROM request_deadlines
                WHERE unit_id = @unit AND registered AND answered_at IS NULL ORDER BY due_date, registration_number
                """, new { unit = unit.Id }, cancellationToken: ct));
            dueDates.AddRange(requests.Select(r => new FeedRenderer.DueDate($"request-{r.RegistrationNumber}@{FeedRenderer.UidDomain}",
                $"Tenggat permohonan {r.RegistrationNumber}{(r.Overdue ? " (terlambat)" : "")}", r.DueDate, "Tenggat jawaban permohonan informasi publik (UU 14/2008 Pasal 22)")));
        }
        return new FeedRenderer.Content($"{unit.Name}{(internalToo ? " (internal)" : "")}", unit.TimeZone, items, stages, dueDates);
    }
}
