using Humas.Eventing.Store;
using Humas.MediaRelations.Journalists;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Npgsql;

namespace Humas.MediaRelations.Webhooks;

/// <summary>A dead delivery as the officers of the subscriber's unit see it: no URL, no secret.</summary>
public sealed record DeadDeliveryView(Guid DeliveryId, Guid SubscriptionId, Guid JournalistId, Guid ReleaseId, string Event, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, string? LastError, bool SubscriptionActive);

/// <summary>The deliveries put back in line.</summary>
public sealed record ReplayView(IReadOnlyList<Guid> Replayed);

/// <summary>
/// Dead deliveries, for the humas officers of the subscribing journalist's unit (or a unit above
/// it): <c>GET /api/media/webhooks/dead?unitId=</c> lists them, newest first;
/// <c>POST /api/media/webhooks/dead/{deliveryId}/replay</c> puts one back in line and
/// <c>POST /api/media/webhooks/dead/replay?unitId=</c> every one of the unit's, and
/// <c>POST /api/media/webhooks/{subscriptionId}/dead/replay</c> every one of a subscription's
/// (once they are back in line there is nothing dead to replay: a repeat replays nothing). A replayed
/// delivery is sent again, with the same <c>Humas-Webhook-Id</c> and a fresh set of attempts, in
/// order with the other deliveries of its subscription; each replay is recorded on the
/// subscription's stream (<see cref="WebhookDeliveriesReplayed"/>). A subscription that ended
/// (cancelled, or its journalist's accreditation revoked) is never replayed to.
/// </summary>
public static class DeadDeliveries
{
    public const int Size = 500;

    private const string InUnit = "(j.unit_id = @unit OR j.unit_id LIKE @unit || '.%' OR (position('-' in @unit) = 0 AND j.unit_id LIKE @unit || '-%'))";

    public static void MapDeadDeliveries(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/dead", ListAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ListDeadWebhookDeliveries").WithSummary("Dead webhook deliveries of the journalists of a unit and the units under it, newest first (humas officers)")
            .Produces<DeadDeliveryView[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapPost("/dead/{deliveryId:guid}/replay", ReplayOneAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ReplayDeadWebhookDelivery").WithSummary("Send a dead delivery again with a fresh set of attempts (humas officers of the subscriber's unit)")
            .Produces<ReplayView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        webhooks.MapPost("/dead/replay", ReplayAllAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ReplayDeadWebhookDeliveries").WithSummary("Send every dead delivery of a unit's journalists' active subscriptions again (humas officers)")
            .Produces<ReplayView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapPost("/{subscriptionId:guid}/dead/replay", ReplaySubscriptionAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ReplaySubscriptionDeadDeliveries").WithSummary("Send every dead delivery of one subscription again (humas officers of the subscriber's unit)")
            .Produces<ReplayView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The replay of dead deliveries of one subscription; refused when the subscription has ended.</summary>
    public static IReadOnlyList<object> Replay(bool subscriptionActive, Guid subscriptionId, IReadOnlyList<Guid> deliveryIds, string by, DateTimeOffset now)
    {
        if (!subscriptionActive) throw Refusal.Conflict("subscription.ended", subscriptionId);
        return deliveryIds.Count == 0 ? [] : [new WebhookDeliveriesReplayed(subscriptionId, deliveryIds, by, now)];
    }

    private static async Task<string> DemandUnitAsync(string? unitId, HttpContext http, UnitDirectory units, ResourceAccess access)
    {
        if (string.IsNullOrWhiteSpace(unitId)) throw Refusal.Invalid("unitId", "field.required", "unitId");
        if (units.Find(unitId) is null) throw Refusal.Invalid("unitId", "field.unknown-unit", unitId);
        await access.DemandForUnitAsync(http, unitId, JournalistChanges.Officer);
        return unitId;
    }

    private static async Task<IResult> ListAsync(string? unitId, HttpContext http, UnitDirectory units, ResourceAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var unit = await DemandUnitAsync(unitId, http, units, access);
        var dead = new List<DeadDeliveryView>();
        await using var command = db.CreateCommand($"""
            SELECT d.delivery_id, d.subscription_id, s.journalist_id, d.release_id, d.kind, d.attempts, d.created_at, a.at, a.error, s.active
            FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id
            JOIN journalists j ON j.journalist_id = s.journalist_id
            LEFT JOIN LATERAL (SELECT at, error FROM webhook_delivery_attempts WHERE delivery_id = d.delivery_id ORDER BY attempt DESC LIMIT 1) a ON true
            WHERE d.status = 'dead' AND {InUnit}
            ORDER BY d.seq DESC LIMIT {Size}
            """);
        command.Parameters.AddWithValue("unit", unit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            dead.Add(new DeadDeliveryView(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetBoolean(9)));
        return TypedResults.Ok(dead);
    }

    private static async Task<IResult> ReplayOneAsync(Guid deliveryId, HttpContext http, ResourceAccess access, NpgsqlDataSource db, EventStore store,
        TimeProvider clock, CancellationToken ct)
    {
        (Guid Subscription, string Unit, string Status, bool Active)? found = null;
        await using (var command = db.CreateCommand("""
            SELECT d.subscription_id, j.unit_id, d.status, s.active FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id
            JOIN journalists j ON j.journalist_id = s.journalist_id
            WHERE d.delivery_id = @id
            """))
        {
            command.Parameters.AddWithValue("id", deliveryId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) found = (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3));
        }
        await access.DemandAsync(http, found is { } f ? new ProtectedResource(f.Unit, null) : null, JournalistChanges.Officer, "delivery.not-found", deliveryId);
        var (subscription, _, status, active) = found!.Value;
        if (status != "dead") throw Refusal.Conflict("delivery.not-dead", deliveryId);
        await ReplayAsync(http, store, clock, subscription, active, [deliveryId], ct);
        return TypedResults.Ok(new ReplayView([deliveryId]));
    }

    private static async Task<IResult> ReplayAllAsync(string? unitId, HttpContext http, UnitDirectory units, ResourceAccess access, NpgsqlDataSource db,
        EventStore store, TimeProvider clock, CancellationToken ct)
    {
        var unit = await DemandUnitAsync(unitId, http, units, access);
        var bySubscription = new Dictionary<Guid, List<Guid>>();
        await using (var command = db.CreateCommand($"""
            SELECT d.subscription_id, d.delivery_id FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id
            JOIN journalists j ON j.journalist_id = s.journalist_id
            WHERE d.status = 'dead' AND s.active AND {InUnit}
            ORDER BY d.seq LIMIT {Size}
            """))
        {
            command.Parameters.AddWithValue("unit", unit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!bySubscription.TryGetValue(reader.GetGuid(0), out var ids)) bySubscription[reader.GetGuid(0)] = ids = [];
                ids.Add(reader.GetGuid(1));
            }
        }
        foreach (var (subscription, ids) in bySubscription) await ReplayAsync(http, store, clock, subscription, true, ids, ct);
        return TypedResults.Ok(new ReplayView(bySubscription.Values.SelectMany(ids => ids).ToList()));
    }

    private static async Task<IResult> ReplaySubscriptionAsync(Guid subscriptionId, HttpContext http, ResourceAccess access, NpgsqlDataSource db, EventStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var found = await store.AggregateAsync(WebhookSubscription.StreamId(subscriptionId), WebhookSubscription.Initial, WebhookSubscription.Evolve, ct);
        await access.DemandAsync(http, found is var (s, _) ? Webhooks.Protection(s) : null, JournalistChanges.Officer, "subscription.not-found", subscriptionId);
        var ids = new List<Guid>();
        await using (var command = db.CreateCommand($"SELECT delivery_id FROM webhook_deliveries WHERE subscription_id = @id AND status = 'dead' ORDER BY seq LIMIT {Size}"))
        {
            command.Parameters.AddWithValue("id", subscriptionId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        }
        await ReplayAsync(http, store, clock, subscriptionId, found!.Value.State.Active, ids, ct);
        return TypedResults.Ok(new ReplayView(ids));
    }

    private static Task ReplayAsync(HttpContext http, EventStore store, TimeProvider clock, Guid subscription, bool active, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var actor = ChangeFlow<WebhookSubscription, WebhookContext, WebhookView>.ActorOf(http) ?? "";
        return store.DecideAsync(WebhookSubscription.StreamId(subscription), WebhookSubscription.StreamType, WebhookSubscription.Initial, WebhookSubscription.Evolve,
            _ => Replay(active, subscription, ids, actor, clock.GetUtcNow()), new EventMetadata(Actor: actor), ct);
    }
}
