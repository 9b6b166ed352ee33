using Humas.ServiceDefaults.Http;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Ppid.InformationList;

/// <summary>
/// One row per entry of every unit's list, kept inline so that an entry is on the public list
/// the moment its publication is answered. Listed entries are those published or recorded as
/// exempt and not withdrawn.
/// </summary>
public sealed class DipEntriesProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (Statement(recorded.Data) is not { } statement) continue;
            await using var command = new NpgsqlCommand(statement.Sql, connection, transaction);
            command.Parameters.AddWithValue("id", EntryId(recorded.StreamId));
            command.Parameters.AddWithValue("version", recorded.Version);
            foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static (string Sql, (string Name, object? Value)[] Parameters)? Statement(object data) => data switch
    {
        InformationEntryDrafted e => ("""
            INSERT INTO dip_entries (entry_id, unit_id, status, category, title, summary, responsible_official, formats,
                retention_period, year, exemption_clause, consequence_test, version)
            VALUES (@id, @unit, 'draft', @category, @title, @summary, @responsible, @formats, @retention, @year, @clause, @test, @version)
            """, [.. Content(e.Content), ("unit", e.UnitId)]),
        InformationEntryRevised e => ("""
            UPDATE dip_entries SET category = @category, title = @title, summary = @summary, responsible_official = @responsible,
                formats = @formats, retention_period = @retention, year = @year, exemption_clause = @clause, consequence_test = @test,
                version = @version
            WHERE entry_id = @id
            """, Content(e.Content)),
        InformationEntryPublished e => (
            "UPDATE dip_entries SET status = 'published', listed_at = @at, url = @url, version = @version WHERE entry_id = @id",
            [("at", e.PublishedAt), ("url", e.Url)]),
        InformationEntryRecordedAsExempt e => (
            "UPDATE dip_entries SET status = 'recorded-as-exempt', listed_at = @at, version = @version WHERE entry_id = @id",
            [("at", e.RecordedAt)]),
        InformationEntryWithdrawn e => (
            "UPDATE dip_entries SET status = 'withdrawn', withdrawn_at = @at, withdrawal_reason = @reason, version = @version WHERE entry_id = @id",
            [("at", e.WithdrawnAt), ("reason", e.Reason)]),
        _ => null,
    };

    private static (string, object?)[] Content(EntryContent c) =>
    [
        ("category", KebabNames.Of(c.Category)), ("title", c.Title), ("summary", c.Summary), ("responsible", c.ResponsibleOfficial),
        ("formats", c.Formats.Select(KebabNames.Of).ToArray()), ("retention", c.RetentionPeriod), ("year", c.Year),
        ("clause", c.Exemption?.Clause), ("test", c.Exemption?.ConsequenceTest),
    ];

    private static Guid EntryId(string streamId) => Guid.Parse(streamId["dip-".Length..]);
}
