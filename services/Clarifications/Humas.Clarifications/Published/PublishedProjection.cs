using Dapper;
using Humas.Clarifications.Cases;
using Humas.Clarifications.Matching;
using Humas.ServiceDefaults.Http;
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
            if (recorded.Data is CaseClarificationPublished or ClarificationCorrected or ClarificationRetracted or StatementLinked)
            {
                await ApplyCaseAsync(connection, transaction, recorded, ct);
                continue;
            }
            if (recorded.Data is not ClarificationImported e) continue;
            await using var command = new NpgsqlCommand("""
                INSERT INTO clarifications_published (clarification_id, number, unit_id, province_id, label, title, claim, explanation, source_url,
                    published_at, imported, match_text, version, updated_at)
                VALUES (@id, @number, @unit, @province, @label, @title, @claim, @explanation, @source, @published, true, @match, @version, @published)
                """, connection, transaction);
            command.Parameters.AddWithValue("id", e.ClarificationId);
            command.Parameters.AddWithValue("number", e.Number);
            command.Parameters.AddWithValue("unit", e.UnitId);
            command.Parameters.AddWithValue("province", ProvinceOf(units, e.UnitId));
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

    /// <summary>Publishing from a case, correcting and retracting: the row follows, and its change number moves so that every replica's match index does too.</summary>
    private async Task ApplyCaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordedEvent recorded, CancellationToken ct)
    {
        var id = Guid.Parse(recorded.StreamId["case-".Length..]);
        var (sql, args) = recorded.Data switch
        {
            CaseClarificationPublished e => ("""
                INSERT INTO clarifications_published (clarification_id, number, unit_id, province_id, label, title, claim, explanation, published_at, imported,
                    match_text, version, case_id, track, appearance_url, first_seen_at, reach_shares, reach_views, quoted_by, current_version, updated_at)
                VALUES (@Id, @Number, @UnitId, @Province, @Label, @Title, @Claim, @BodyMarkdown, @At, false, @Match, @Version, @Id, @Track, @AppearanceUrl,
                    @FirstSeenAt, @Shares, @Views, @Quoted, 1, @At)
                ON CONFLICT (clarification_id) DO NOTHING
                """, (object)new
            {
                Id = id, e.Number, e.UnitId, Province = ProvinceOf(units, e.UnitId), e.Label, e.Title, e.Claim, e.BodyMarkdown, e.At, Match = ClaimText.Normalised(e.Claim),
                recorded.Version, Track = KebabNames.Of(e.Track), e.AppearanceUrl, e.FirstSeenAt, e.Reach.Shares, e.Reach.Views, Quoted = e.Reach.QuotedByOutlets.ToArray(),
            }),
            ClarificationCorrected e => ("""
                UPDATE clarifications_published SET title = @Title, claim = @Claim, explanation = @BodyMarkdown, match_text = @Match, current_version = @Version,
                    version = @StreamVersion, updated_at = @At, change = nextval('clarifications_published_change') WHERE clarification_id = @Id;
                INSERT INTO clarification_corrections (clarification_id, version, note, corrected_at) VALUES (@Id, @Version, @Note, @At) ON CONFLICT DO NOTHING;
                """, new { Id = id, e.Title, e.Claim, e.BodyMarkdown, Match = ClaimText.Normalised(e.Claim), e.Version, StreamVersion = recorded.Version, e.At, e.Note }),
            ClarificationRetracted e => ("""
                UPDATE clarifications_published SET retracted = true, retracted_at = @At, retraction_reason = @Reason, version = @StreamVersion, updated_at = @At,
                    change = nextval('clarifications_published_change') WHERE clarification_id = @Id
                """, new { Id = id, e.At, e.Reason, StreamVersion = recorded.Version }),
            StatementLinked e => ("""
                UPDATE clarifications_published SET statement_release_id = @ReleaseId, statement_headline = @Headline, updated_at = now() WHERE clarification_id = @Id
                """, new { Id = id, e.ReleaseId, e.Headline }),
            _ => throw new InvalidOperationException(),
        };
        await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct));
    }

    /// <summary>The province a unit belongs to (itself for a province, the national unit for itself).</summary>
    public static string ProvinceOf(UnitDirectory units, string unitId)
    {
        var unit = units.Find(unitId);
        while (unit is { Level: UnitLevel.Regency } && unit.ParentId is not null) unit = units.Find(unit.ParentId);
        return unit?.Id ?? unitId;
    }
}
