namespace Humas.MediaRelations.Webhooks;

/// <summary>
/// An accredited journalist's (or their newsroom system's) subscription: the public releases of
/// these units (and the units under them) on these subjects (none: every subject) are POSTed as
/// ninjs to Url, signed with the secret. The secret is kept sealed under a key derived from the
/// service's master key, only to sign with.
/// </summary>
public sealed record WebhookSubscribed(
    Guid SubscriptionId, Guid JournalistId, string Account, string JournalistUnitId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects,
    string Url, string SealedSecret, DateTimeOffset At);

public sealed record WebhookSubscriptionCancelled(Guid SubscriptionId, string By, DateTimeOffset At);

/// <summary>An officer put dead deliveries of the subscription back in line: each gets a fresh set of attempts.</summary>
public sealed record WebhookDeliveriesReplayed(Guid SubscriptionId, IReadOnlyList<Guid> DeliveryIds, string By, DateTimeOffset At);

public sealed record WebhookSubscription(
    Guid Id, Guid JournalistId, string Account, string JournalistUnitId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects,
    string Url, string SealedSecret, bool Active, DateTimeOffset CreatedAt)
{
    public const string StreamType = "webhook-subscription";

    public static WebhookSubscription Initial { get; } = new(Guid.Empty, Guid.Empty, "", "", [], [], "", "", false, default);

    public static string StreamId(Guid subscriptionId) => $"webhook-subscription-{subscriptionId}";

    public static WebhookSubscription Evolve(WebhookSubscription state, object @event) => @event switch
    {
        WebhookSubscribed e => new(e.SubscriptionId, e.JournalistId, e.Account, e.JournalistUnitId, e.UnitIds, e.Subjects, e.Url, e.SealedSecret, true, e.At),
        WebhookSubscriptionCancelled => state with { Active = false },
        _ => state,
    };
}
