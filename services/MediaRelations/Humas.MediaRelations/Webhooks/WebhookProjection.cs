using Humas.Eventing.Store;
using Humas.MediaRelations.Journalists;
using Humas.MediaRelations.PressReleases;
using Npgsql;

namespace Humas.MediaRelations.Webhooks;

/// <summary>
/// Inline with the events: keeps webhook_subscriptions, and for each release event the public
/// hears of (published, embargo lifted, corrected or withdrawn while public) owes a delivery to
/// every active subscription whose units include the release's unit (or a unit above it) and whose
/// subjects (if any) share one with the release. Drafts and embargoed releases owe nothing.
/// A cancelled subscription, and every subscription of a journalist whose accreditation is revoked,
/// ends in the same transaction, with the deliveries still pending to it cancelled. A journalist's
/// erasure ends theirs too and empties what the table holds of their targets: the sealed ones could
/// not be opened any more, and those of subscriptions made before targets were sealed are in clear.
/// A replay puts dead deliveries back in line with a fresh set of attempts.
/// </summary>
public sealed class WebhookProjection : IInlineProjection
{
    private const string Owe = """
        INSERT INTO webhook_deliveries (delivery_id, subscription_id, release_id, stream_version, kind, created_at, next_attempt_at)
        SELECT gen_random_uuid(), s.subscription_id, f.release_id, @version, @kind, @at, @at
        FROM webhook_subscriptions s JOIN press_release_feed f ON f.release_id = @release
        WHERE s.active
          AND EXISTS (SELECT 1 FROM unnest(s.unit_ids) u
                      WHERE f.unit_id = u OR f.unit_id LIKE u || '.%' OR (position('-' in u) = 0 AND f.unit_id LIKE u || '-%'))
          AND (cardinality(s.subjects) = 0 OR s.subjects && f.subjects)
        """;

    private const string EndSubscriptions = "UPDATE webhook_subscriptions SET active = false";

    private const string CancelPending =
        "UPDATE webhook_deliveries SET status = 'cancelled' WHERE status = 'pending' AND subscription_id IN (SELECT subscription_id FROM webhook_subscriptions";

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            switch (recorded.Data)
            {
                case WebhookSubscribed e:
                    await ExecuteAsync(connection, transaction, """
                        INSERT INTO webhook_subscriptions (subscription_id, journalist_id, unit_ids, subjects, url, sealed_secret, personal_data_subject, sealed_target, active)
                        VALUES (@id, @journalist, @units, @subjects, @url, @secret, @subject, @target, true)
                        """, ct, ("id", e.SubscriptionId), ("journalist", e.JournalistId), ("units", e.UnitIds.ToArray()), ("subjects", e.Subjects.ToArray()),
                        ("url", (object?)e.Url ?? DBNull.Value), ("secret", (object?)e.SealedSecret ?? DBNull.Value),
                        ("subject", (object?)e.PersonalDataSubject ?? DBNull.Value), ("target", (object?)e.SealedTarget ?? DBNull.Value));
                    break;
                case WebhookSubscriptionCancelled e:
                    await ExecuteAsync(connection, transaction, $"{EndSubscriptions} WHERE subscription_id = @id", ct, ("id", e.SubscriptionId));
                    await ExecuteAsync(connection, transaction, $"{CancelPending} WHERE subscription_id = @id)", ct, ("id", e.SubscriptionId));
                    break;
                case JournalistAccreditationRevoked e:
                    await ExecuteAsync(connection, transaction, $"{EndSubscriptions} WHERE journalist_id = @journalist", ct, ("journalist", e.JournalistId));
                    await ExecuteAsync(connection, transaction, $"{CancelPending} WHERE journalist_id = @journalist)", ct, ("journalist", e.JournalistId));
                    break;
                case JournalistPersonalDataErased e:
                    await ExecuteAsync(connection, transaction, $"{CancelPending} WHERE journalist_id = @journalist)", ct, ("journalist", e.JournalistId));
                    await ExecuteAsync(connection, transaction,
                        $"{EndSubscriptions}, url = NULL, sealed_secret = NULL, sealed_target = NULL WHERE journalist_id = @journalist", ct, ("journalist", e.JournalistId));
                    break;
                case WebhookDeliveriesReplayed e:
                    await ExecuteAsync(connection, transaction, """
                        UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @at, attempts_before_replay = attempts
                        WHERE subscription_id = @id AND delivery_id = ANY(@deliveries) AND status = 'dead'
                        """, ct, ("id", e.SubscriptionId), ("deliveries", e.DeliveryIds.ToArray()), ("at", e.At));
                    break;
                case PressReleasePublishedInternally { EmbargoUntil: null } e:
                    await OweAsync(connection, transaction, recorded, e.ReleaseId, "published", e.PublishedAt, ct);
                    break;
                case PressReleaseEmbargoLifted e:
                    await OweAsync(connection, transaction, recorded, e.ReleaseId, "published", e.LiftedAt, ct);
                    break;
                case PressReleaseCorrected { Public: true } e:
                    await OweAsync(connection, transaction, recorded, e.ReleaseId, "corrected", e.CorrectedAt, ct);
                    break;
                case PressReleaseWithdrawn { WasPublic: true } e:
                    await OweAsync(connection, transaction, recorded, e.ReleaseId, "withdrawn", e.WithdrawnAt, ct);
                    break;
            }
        }
    }

    private static Task OweAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordedEvent recorded, Guid releaseId, string kind, DateTimeOffset at,
        CancellationToken ct) =>
        ExecuteAsync(connection, transaction, Owe, ct, ("release", releaseId), ("version", recorded.Version), ("kind", kind), ("at", at));

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
