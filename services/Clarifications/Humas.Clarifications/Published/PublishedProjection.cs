using Humas.Clarifications.Matching;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Clarifications.Published;

/// <summary>The published clarifications as the public reads them and matching searches them, kept inline with the log.</summary>
public sealed class PublishedProjection(UnitDirectory units) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (recorded.Data is not ClarificationImported e) continue;
            await using var command = new NpgsqlCommand("""
                INSERT INTO clarifications_published (clarification_id, number, unit_id, province_id, label, title, claim, explanation, source_url,
                    published_at, imported, match_text, version)
                VALUES (@id, @number, @unit, @province, @label, @title, @claim, @explanation, @source, @published, true, @match, @version)
                """, connection, transaction);
            command.Parameters.AddWithValue("id", e.ClarificationId);
            command.Parameters.AddWithValue("number", e.Number);
            command.Parameters.AddWithValue("unit", e.UnitId);
            command.Parameters.AddWithValue("province", ProvinceOf(e.UnitId));
            command.Parameters.AddWithValue("label", e.Label);
            command.Parameters.AddWithValue("title", e.Title);
            command.Parameters.AddWithValue("claim", e.Claim);
            command.Parameters.AddWithValue("explanation", e.Explanation);
            command.Parameters.AddWithValue("source", (object?)e.SourceUrl ?? DBNull.Value);
            command.Parameters.AddWithValue("published", e.PublishedAt);
            command.Parameters.AddWithValue("match", ClaimText.Normalised(e.Claim));
            command.Parameters.AddWithValue("version", recorded.Version);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The province a unit belongs to (itself for a province, the national unit for itself).</summary>
    private string ProvinceOf(string unitId)
    {
        var unit = units.Find(unitId);
        while (unit is { Level: UnitLevel.Regency } && unit.ParentId is not null) unit = units.Find(unit.ParentId);
        return unit?.Id ?? unitId;
    }
}
