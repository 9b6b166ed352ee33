using Humas.Eventing.PersonalData;

namespace Humas.MediaRelations.Webhooks;

/// <summary>Where a subscription's deliveries go and what they are signed with: sealed together under the journalist's subject key.</summary>
public sealed record WebhookTarget(string Url, string Secret);

/// <summary>
/// An accredited journalist's (or their newsroom system's) subscription: the public releases of
/// these units (and the units under them) on these subjects (none: every subject) are POSTed as
/// ninjs to a URL, signed with a secret. A URL can name its owner (a personal domain, a token in
/// its query), so the URL and the secret travel sealed in SealedTarget under the journalist's
/// personal-data subject (PersonalDataSubject): erasing the journalist's personal data makes them
/// unreadable in every copy of this event.
/// <para>
/// Subscriptions made before that carry Url in clear and SealedSecret (sealed under a key derived
/// from the service's master key) instead, and no subject; they are still read and delivered to
/// (see docs/adr/0011-webhook-targets-sealed-per-journalist.md for what an operator does about them).
/// </para>
/// </summary>
public sealed record WebhookSubscribed(
    Guid SubscriptionId, Guid JournalistId, string Account, string JournalistUnitId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects,
    string? Url, string? SealedSecret, DateTimeOffset At, Guid? PersonalDataSubject = null, string? SealedTarget = null);

public sealed record WebhookSubscriptionCancelled(Guid SubscriptionId, string By, DateTimeOffset At);

/// <summary>An officer put dead deliveries of the subscription back in line: each gets a fresh set of attempts.</summary>
public sealed record WebhookDeliveriesReplayed(Guid SubscriptionId, IReadOnlyList<Guid> DeliveryIds, string By, DateTimeOffset At);

/// <summary>
/// A subscription's target as its events hold it: sealed under the journalist's subject (Subject and
/// Sealed), or, for a subscription made before targets were sealed, the URL in clear and the secret
/// sealed under the service's key (ClearUrl and SealedSecret).
/// </summary>
public sealed record StoredTarget(Guid? Subject, string? Sealed, string? ClearUrl, string? SealedSecret)
{
    public static StoredTarget None { get; } = new(null, null, null, null);

    public static StoredTarget Of(WebhookSubscribed e) => new(e.PersonalDataSubject, e.SealedTarget, e.Url, e.SealedSecret);

    /// <summary>The URL and secret, or null when the journalist's personal data has been erased (or nothing is stored).</summary>
    public async Task<WebhookTarget?> OpenAsync(PersonalDataVault vault, Guid subscriptionId, CancellationToken ct)
    {
        if (Subject is { } subject && Sealed is not null) return await vault.OpenAsync<WebhookTarget>(subject, Sealed, ct);
        if (ClearUrl is null || SealedSecret is null) return null;
        return new WebhookTarget(ClearUrl, vault.OpenSecret(SealedSecret, Webhooks.SecretContext(subscriptionId)));
    }
}

public sealed record WebhookSubscription(
    Guid Id, Guid JournalistId, string Account, string JournalistUnitId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects,
    StoredTarget Target, bool Active, DateTimeOffset CreatedAt)
{
    public const string StreamType = "webhook-subscription";

    public static WebhookSubscription Initial { get; } = new(Guid.Empty, Guid.Empty, "", "", [], [], StoredTarget.None, false, default);

    public static string StreamId(Guid subscriptionId) => $"webhook-subscription-{subscriptionId}";

    public static WebhookSubscription Evolve(WebhookSubscription state, object @event) => @event switch
    {
        WebhookSubscribed e => new(e.SubscriptionId, e.JournalistId, e.Account, e.JournalistUnitId, e.UnitIds, e.Subjects, StoredTarget.Of(e), true, e.At),
        WebhookSubscriptionCancelled => state with { Active = false },
        _ => state,
    };
}
