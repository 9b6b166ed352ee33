using System.ComponentModel.DataAnnotations;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.MediaRelations.Journalists;
using Humas.MediaRelations.Subjects;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;
using Npgsql;

namespace Humas.MediaRelations.Webhooks;

public sealed record WebhookContext(DateTimeOffset Now, string Actor);

/// <summary>
/// A subscription as its journalist sees it: neither its secret nor its URL, which stay sealed under
/// the journalist's subject (only the delivery service opens them). Not even the answer to the
/// subscription repeats the URL: that answer is kept for Idempotency-Key replays, where an
/// erasure would not reach it.
/// </summary>
public sealed record WebhookView(Guid SubscriptionId, Guid JournalistId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects, bool Active,
    DateTimeOffset CreatedAt, long Version)
{
    public static WebhookView From(WebhookSubscription s, long version) => new(s.Id, s.JournalistId, s.UnitIds, s.Subjects, s.Active, s.CreatedAt, version);
}

/// <summary>One delivery and its attempts, as the subscriber reads its log.</summary>
public sealed record DeliveryView(Guid DeliveryId, Guid ReleaseId, string Event, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt, IReadOnlyList<AttemptView> Log);

public sealed record AttemptView(int Attempt, DateTimeOffset At, int? StatusCode, string? Error);

/// <summary>
/// Webhooks: an accredited journalist subscribes (units, subjects, URL, secret) from their own
/// account; each publication, correction and withdrawal of a matching public release is POSTed as
/// ninjs (see <see cref="WebhookDeliveryService"/>); the journalist reads the delivery log and
/// cancels the subscription.
/// </summary>
public static class Webhooks
{
    public const int MaxUnits = 50;

    public sealed record SubscribeBody(
        Guid? JournalistId, [property: MaxLength(2000)] string? Url, [property: MaxLength(200)] string? Secret, IReadOnlyList<string>? UnitIds,
        IReadOnlyList<string>? Subjects);

    public static readonly ChangeFlow<WebhookSubscription, WebhookContext, WebhookView> Flow = new()
    {
        Aggregate = new(WebhookSubscription.StreamType, WebhookSubscription.Initial, WebhookSubscription.Evolve),
        NotFoundCode = "subscription.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? WebhookSubscription.StreamId(id) : null),
        Protect = (_, s, _) => Task.FromResult(Protection(s)),
        Context = (http, _, _) => Task.FromResult(new WebhookContext(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            ChangeFlow<WebhookSubscription, WebhookContext, WebhookView>.ActorOf(http) ?? "")),
        View = (_, s, version) => WebhookView.From(s, version),
    };

    internal static ProtectedResource Protection(WebhookSubscription s) => new(s.JournalistUnitId, new RequesterKeys("", s.Account));

    public static void MapWebhooks(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/", SubscribeAsync).RequireAuthorization(HumasPolicies.Authenticated).WithIdempotencyKey("subscribe-webhook")
            .WithName("SubscribeWebhook").WithSummary("Subscribe a URL to the releases of units and subjects (an accredited journalist, from their account)")
            .Produces<WebhookView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        webhooks.MapPost("/{subscriptionId:guid}/cancel", (Guid subscriptionId, HttpContext http) =>
                Flow.RunAsync(http, subscriptionId.ToString(), JournalistChanges.Self, Cancel, http.RequestAborted))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("CancelWebhook")
            .WithSummary("Cancel a subscription; nothing more is delivered to it (its journalist; If-Match with its version)").ProducesChange<WebhookView>();
        webhooks.MapGet("/{subscriptionId:guid}/deliveries", DeliveriesAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ListWebhookDeliveries").WithSummary("The subscription's deliveries, newest first, each with its attempts (its journalist, or humas officers of the journalist's unit)")
            .Produces<DeliveryView[]>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Validation Validate(SubscribeBody body, UnitDirectory units, SubjectList subjects, bool allowPrivate)
    {
        var errors = new Validation();
        errors.FailWhen(body.JournalistId is null, "journalistId", "field.required", "journalistId");
        if (SubscriberUrls.Problem(body.Url, allowPrivate) is { } problem) errors.Add("url", problem, "url");
        if (string.IsNullOrWhiteSpace(body.Secret)) errors.Add("secret", "field.required", "secret");
        else errors.FailWhen(body.Secret.Length is < 16 or > 200, "secret", "subscription.secret-length");
        if (body.UnitIds is null || body.UnitIds.Count == 0) errors.Add("unitIds", "subscription.units-required");
        else if (body.UnitIds.Count > MaxUnits) errors.Add("unitIds", "subscription.units-required");
        else foreach (var unit in body.UnitIds) errors.FailWhen(units.Find(unit ?? "") is null, "unitIds", "field.unknown-unit", unit);
        foreach (var subject in body.Subjects ?? []) errors.FailWhen(subjects.Find(subject ?? "") is null, "subjects", "field.unknown-value", "subjects", subject, "/api/media/subjects");
        return errors;
    }

    /// <summary>Only an accredited journalist subscribes (checked before anything is sealed for them).</summary>
    public static void DemandAccredited(Journalist journalist)
    {
        if (journalist.Status != AccreditationStatus.Accredited || journalist.PersonalDataErased) throw Refusal.Conflict("journalist.not-accredited");
    }

    /// <summary>What is sealed under the journalist's subject: the URL and the secret as given.</summary>
    public static WebhookTarget Target(SubscribeBody body) => new(body.Url!.Trim(), body.Secret!);

    /// <summary>
    /// The subscription of an accredited journalist; its target (see <see cref="Target"/>) arrives
    /// sealed under the journalist's subject, so the event holds neither the URL nor the secret.
    /// </summary>
    public static WebhookSubscribed Subscribe(Journalist journalist, SubscribeBody body, Guid subscriptionId, string sealedTarget, DateTimeOffset now)
    {
        DemandAccredited(journalist);
        return new(subscriptionId, journalist.Id, journalist.Account, journalist.UnitId, body.UnitIds!.Distinct().ToList(), (body.Subjects ?? []).Distinct().ToList(),
            Url: null, SealedSecret: null, now, journalist.PersonalDataSubject, sealedTarget);
    }

    public static IReadOnlyList<object> Cancel(WebhookSubscription state, WebhookContext context) =>
        state.Active ? [new WebhookSubscriptionCancelled(state.Id, context.Actor, context.Now)] : [];

    /// <summary>What the secret of a subscription made before targets were sealed per journalist is bound to.</summary>
    public static string SecretContext(Guid subscriptionId) => $"webhook/{subscriptionId}";

    private static async Task<IResult> SubscribeAsync(SubscribeBody body, HttpContext http, UnitDirectory units, SubjectList subjects, IConfiguration configuration,
        EventStore store, ResourceAccess access, PersonalDataVault vault, TimeProvider clock, CancellationToken ct)
    {
        Validate(body, units, subjects, WebhookDeliveryService.AllowPrivate(configuration)).ThrowIfInvalid();
        var found = await store.AggregateAsync(Journalist.StreamId(body.JournalistId!.Value), Journalist.Initial, Journalist.Evolve, ct);
        var resource = found is var (j, _) ? new ProtectedResource(j.UnitId, new RequesterKeys("", j.Account)) : null;
        await access.DemandAsync(http, resource, JournalistChanges.Self, "journalist.not-found", body.JournalistId);

        var journalist = found!.Value.State;
        DemandAccredited(journalist);
        var subscriptionId = Guid.CreateVersion7();
        await using var write = await WriteSession.OpenAsync(http, ct);
        var sealedTarget = await vault.SealAsync(write.Session.Connection, write.Session.Transaction, journalist.PersonalDataSubject, Target(body), ct);
        var subscribed = Subscribe(journalist, body, subscriptionId, sealedTarget, clock.GetUtcNow());
        var result = await write.Session.AppendAsync(WebhookSubscription.StreamId(subscriptionId), WebhookSubscription.StreamType, ExpectedVersion.NoStream, [subscribed],
            new EventMetadata(Actor: subscribed.Account), ct);
        await write.CommitAsync(ct);
        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created($"/api/media/webhooks/{subscriptionId}",
            WebhookView.From(WebhookSubscription.Evolve(WebhookSubscription.Initial, subscribed), result.Version));
    }

    private static async Task<IResult> DeliveriesAsync(Guid subscriptionId, HttpContext http, EventStore store, ResourceAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var found = await store.AggregateAsync(WebhookSubscription.StreamId(subscriptionId), WebhookSubscription.Initial, WebhookSubscription.Evolve, ct);
        await access.DemandAsync(http, found is var (s, _) ? Protection(s) : null, JournalistChanges.SelfOrOfficer, "subscription.not-found", subscriptionId);
        var deliveries = new List<DeliveryView>();
        var attempts = new Dictionary<Guid, List<AttemptView>>();
        await using (var command = db.CreateCommand("""
            SELECT a.delivery_id, a.attempt, a.at, a.status_code, a.error FROM webhook_delivery_attempts a
            JOIN webhook_deliveries d ON d.delivery_id = a.delivery_id WHERE d.subscription_id = @id ORDER BY a.attempt
            """))
        {
            command.Parameters.AddWithValue("id", subscriptionId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                if (!attempts.TryGetValue(id, out var list)) attempts[id] = list = [];
                list.Add(new AttemptView(reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        await using (var command = db.CreateCommand("""
            SELECT delivery_id, release_id, kind, status, attempts, created_at, delivered_at, next_attempt_at
            FROM webhook_deliveries WHERE subscription_id = @id ORDER BY seq DESC LIMIT 200
            """))
        {
            command.Parameters.AddWithValue("id", subscriptionId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                var status = reader.GetString(3);
                deliveries.Add(new DeliveryView(id, reader.GetGuid(1), reader.GetString(2), status, reader.GetInt32(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                    status == "pending" ? reader.GetFieldValue<DateTimeOffset>(7) : null, attempts.GetValueOrDefault(id) ?? []));
            }
        }
        return TypedResults.Ok(deliveries);
    }
}
