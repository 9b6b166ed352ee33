using System.ComponentModel.DataAnnotations;
using Humas.MediaRelations.Journalists;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.MediaRelations.Webhooks;

/// <summary>A subscription as the officers of its journalist's unit see it: no URL, no secret; how its deliveries stand.</summary>
public sealed record SubscriberView(Guid SubscriptionId, Guid JournalistId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects, bool Active,
    int Delivered, int Pending, int Dead);

/// <summary>
/// GET /api/media/webhooks?unitId=: the webhook subscriptions of the journalists of a unit and the
/// units under it, for its humas officers (the newsroom desk), each with its deliveries counted by state.
/// </summary>
public static class SubscriberList
{
    public const int Size = 500;

    public static void MapSubscriberList(this RouteGroupBuilder webhooks) =>
        webhooks.MapGet("/", ListAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ListWebhookSubscribers")
            .WithSummary("The webhook subscriptions of the journalists of a unit and the units under it, with their deliveries counted (humas officers)")
            .Produces<SubscriberView[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> ListAsync([MaxLength(64)] string? unitId, HttpContext http, UnitDirectory units, ResourceAccess access, NpgsqlDataSource db,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId)) throw Refusal.Invalid("unitId", "field.required", "unitId");
        if (units.Find(unitId) is null) throw Refusal.Invalid("unitId", "field.unknown-unit", unitId);
        await access.DemandForUnitAsync(http, unitId, JournalistChanges.Officer);
        var list = new List<SubscriberView>();
        await using var command = db.CreateCommand($"""
            SELECT s.subscription_id, s.journalist_id, s.unit_ids, s.subjects, s.active,
                count(d.*) FILTER (WHERE d.status = 'delivered'), count(d.*) FILTER (WHERE d.status = 'pending'), count(d.*) FILTER (WHERE d.status = 'dead')
            FROM webhook_subscriptions s
            JOIN journalists j ON j.journalist_id = s.journalist_id
            LEFT JOIN webhook_deliveries d ON d.subscription_id = s.subscription_id
            WHERE j.unit_id = @unit OR j.unit_id LIKE @unit || '.%' OR (position('-' in @unit) = 0 AND j.unit_id LIKE @unit || '-%')
            GROUP BY s.subscription_id ORDER BY s.active DESC, s.subscription_id DESC LIMIT {Size}
            """);
        command.Parameters.AddWithValue("unit", unitId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new SubscriberView(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3), reader.GetBoolean(4),
                (int)reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7)));
        return TypedResults.Ok(list);
    }
}
