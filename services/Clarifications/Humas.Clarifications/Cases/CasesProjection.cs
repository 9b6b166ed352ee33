using Dapper;
using Humas.Clarifications.Published;
using Humas.Clarifications.Reports;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Npgsql;

namespace Humas.Clarifications.Cases;

/// <summary>Reports and cases as officers list them and statistics count them, kept inline with the log.</summary>
public sealed class CasesProjection(UnitDirectory units) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            var (sql, args) = Statement(recorded);
            if (sql is null) continue;
            await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct));
        }
    }

    private static Guid CaseIdOf(RecordedEvent recorded) =>
        recorded.StreamId.StartsWith("case-", StringComparison.Ordinal) ? Guid.Parse(recorded.StreamId["case-".Length..]) : Guid.Empty;

    private (string? Sql, object? Args) Statement(RecordedEvent recorded)
    {
        var id = CaseIdOf(recorded);
        return recorded.Data switch
        {
            ReportReceived e => ("""
                INSERT INTO clarification_reports (report_id, number, unit_id, province_id, channel, received_at, case_id, linked_number, match_tier)
                VALUES (@ReportId, @Number, @UnitId, @Province, @Channel, @ReceivedAt, @CaseId, @LinkedNumber, @Tier)
                ON CONFLICT (report_id) DO NOTHING
                """, new { e.ReportId, e.Number, e.UnitId, Province = PublishedProjection.ProvinceOf(units, e.UnitId), Channel = KebabNames.Of(e.Channel),
                    e.ReceivedAt, e.CaseId, e.LinkedNumber, Tier = e.Match?.Tier }),
            CaseOpened e => ("""
                INSERT INTO clarification_cases (case_id, unit_id, province_id, status, track, claim, opened_at, due_at, suggested_number, similar_case_id, updated_at)
                VALUES (@CaseId, @UnitId, @Province, 'open', @Track, @Claim, @At, @DueAt, @Suggested, @Similar, @At)
                ON CONFLICT (case_id) DO NOTHING
                """, new { e.CaseId, e.UnitId, Province = PublishedProjection.ProvinceOf(units, e.UnitId), Track = KebabNames.Of(e.Track), e.Claim, e.At, e.DueAt,
                    Suggested = e.Suggestion?.Number, Similar = e.Similar?.CaseId }),
            CaseReportAttached e => ("""
                UPDATE clarification_cases SET track = @Track, due_at = @DueAt, report_count = report_count + 1, updated_at = @At WHERE case_id = @Id;
                UPDATE clarification_reports SET case_id = @Id WHERE report_id = @ReportId;
                """, new { Id = id, Track = KebabNames.Of(e.Track), e.DueAt, e.At, e.ReportId }),
            CaseSuggestionConfirmed e => ("""
                UPDATE clarification_cases SET status = 'resolved', resolved_number = @Number, suggested_number = NULL, updated_at = @At WHERE case_id = @Id;
                UPDATE clarification_reports SET linked_number = @Number WHERE case_id = @Id;
                """, new { Id = id, e.Number, e.At }),
            CaseMerged e => ("UPDATE clarification_cases SET status = 'merged', updated_at = @At WHERE case_id = @Id", new { Id = id, e.At }),
            CaseSuggestionRejected e => ("UPDATE clarification_cases SET suggested_number = NULL, updated_at = @At WHERE case_id = @Id", new { Id = id, e.At }),
            SimilarCaseKeptApart e => ("UPDATE clarification_cases SET similar_case_id = NULL, updated_at = @At WHERE case_id = @Id", new { Id = id, e.At }),
            VerifierAssigned e => ("UPDATE clarification_cases SET verifier = @Verifier, updated_at = @At WHERE case_id = @Id", new { Id = id, e.Verifier, e.At }),
            VerdictGiven e => ("UPDATE clarification_cases SET label = @Label, updated_at = @At WHERE case_id = @Id", new { Id = id, e.Label, e.At }),
            CaseFlaggedPastTarget e => ("UPDATE clarification_cases SET flagged = true, escalated_to = @EscalatedTo, updated_at = @At WHERE case_id = @Id",
                new { Id = id, e.EscalatedTo, e.At }),
            CaseClarificationPublished e => ("""
                UPDATE clarification_cases SET status = 'published', number = @Number, published_at = @At, label = @Label, updated_at = @At WHERE case_id = @Id
                """, new { Id = id, e.Number, e.At, e.Label }),
            ClarificationRetracted e => ("UPDATE clarification_cases SET status = 'retracted', updated_at = @At WHERE case_id = @Id", new { Id = id, e.At }),
            _ => (null, null),
        };
    }
}
