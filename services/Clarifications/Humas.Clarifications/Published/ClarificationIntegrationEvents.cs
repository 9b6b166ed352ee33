using Dapper;
using Humas.Clarifications.Cases;
using Humas.Clarifications.Contracts;
using Humas.Eventing.Outbox;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Clarifications.Published;

/// <summary>
/// What other services learn of clarifications: that one was published (from a case, with its
/// reach and the case; or imported), corrected or retracted (published again as a new version),
/// never who reported the claim. A correction or retraction does not repeat the number, unit and
/// reach, so this runs after <see cref="PublishedProjection"/>, in the same transaction, and takes
/// them from the published row.
/// </summary>
public sealed class ClarificationIntegrationEvents(OutboxWriter outbox) : IInlineProjection
{
    private sealed record Row(Guid ClarificationId, string Number, string UnitId, string Label, string Title, string Claim, DateTimeOffset PublishedAt, bool Imported,
        Guid? CaseId, long? ReachShares, long? ReachViews, string[] QuotedBy, int CurrentVersion);

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var messages = new List<object>();
        foreach (var recorded in events)
        {
            switch (recorded.Data)
            {
                case CaseClarificationPublished e:
                    messages.Add(new ClarificationPublished(e.CaseId, e.Number, 1, e.UnitId, e.Label, e.Title, e.Claim, e.At, UrlOf(e.Number), false, e.CaseId,
                        new ClarificationReach(e.Reach.Shares, e.Reach.Views, e.Reach.QuotedByOutlets, e.Reach.QuotedByMassMedia)) { VersionPublishedAt = e.At });
                    break;
                case ClarificationImported e:
                    messages.Add(new ClarificationPublished(e.ClarificationId, e.Number, 1, e.UnitId, e.Label, e.Title, e.Claim, e.PublishedAt, UrlOf(e.Number), true,
                        null, new ClarificationReach(0, 0, [], false)) { VersionPublishedAt = e.PublishedAt });
                    break;
                case ClarificationCorrected e when await RowAsync(connection, transaction, recorded, ct) is { } row:
                    messages.Add(Again(row) with { CorrectionNote = e.Note, VersionPublishedAt = e.At });
                    break;
                case ClarificationRetracted e when await RowAsync(connection, transaction, recorded, ct) is { } row:
                    messages.Add(Again(row) with { Retracted = true, RetractionReason = e.Reason, VersionPublishedAt = e.At });
                    break;
            }
        }
        if (messages.Count > 0) await outbox.WriteAsync(connection, transaction, messages, ct);
    }

    private static string UrlOf(string number) => $"/api/clarifications/{number}";

    private static ClarificationPublished Again(Row row) =>
        new(row.ClarificationId, row.Number, row.CurrentVersion, row.UnitId, row.Label, row.Title, row.Claim, row.PublishedAt, UrlOf(row.Number), row.Imported,
            row.CaseId, new ClarificationReach(row.ReachShares ?? 0, row.ReachViews ?? 0, row.QuotedBy, row.QuotedBy.Length > 0));

    private static Task<Row?> RowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordedEvent recorded, CancellationToken ct) =>
        recorded.StreamId.StartsWith("case-", StringComparison.Ordinal)
            ? connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
                SELECT clarification_id, number, unit_id, label, title, claim, published_at, imported, case_id, reach_shares, reach_views, quoted_by, current_version
                FROM clarifications_published WHERE clarification_id = @id
                """, new { id = Guid.Parse(recorded.StreamId["case-".Length..]) }, transaction, cancellationToken: ct))
            : Task.FromResult<Row?>(null);
}
