namespace Humas.Portal.Api;

/// <summary>The newsroom desk's calls: a unit's releases and the changes to them, its journalists, webhook subscribers and their deliveries.</summary>
public sealed partial class ConsoleApi
{
    public Task<ApiResult<List<ReleaseSummary>>> ListReleasesAsync(string unitId, CancellationToken ct) =>
        CallAsync<List<ReleaseSummary>>(HttpMethod.Get, $"/api/media/releases?unitId={Uri.EscapeDataString(unitId)}", null, null, ct);

    public Task<ApiResult<OfficerRelease>> GetReleaseAsync(Guid releaseId, CancellationToken ct) =>
        CallAsync<OfficerRelease>(HttpMethod.Get, $"/api/media/releases/{releaseId}", null, null, ct);

    public Task<ApiResult<List<MediaSubject>>> ListSubjectsAsync(CancellationToken ct) =>
        CallAsync<List<MediaSubject>>(HttpMethod.Get, "/api/media/subjects", null, null, ct);

    public Task<ApiResult<OfficerRelease>> DraftReleaseAsync(ReleaseDraftBody body, string idempotencyKey, CancellationToken ct) =>
        CallAsync<OfficerRelease>(HttpMethod.Post, "/api/media/releases", body, null, ct, idempotencyKey);

    /// <summary>A change to a release: <paramref name="action"/> is "" for revising the draft (PUT), else the path under it (submit, approve, publish, correct, withdraw).</summary>
    public Task<ApiResult<OfficerRelease>> ChangeReleaseAsync(Guid releaseId, string action, long version, object? body, CancellationToken ct) =>
        CallAsync<OfficerRelease>(action == "" ? HttpMethod.Put : HttpMethod.Post, $"/api/media/releases/{releaseId}{(action == "" ? "" : "/" + action)}",
            body ?? new { }, version, ct);

    public Task<ApiResult<List<OfficerJournalist>>> ListJournalistsAsync(string unitId, CancellationToken ct) =>
        CallAsync<List<OfficerJournalist>>(HttpMethod.Get, $"/api/media/journalists?unitId={Uri.EscapeDataString(unitId)}", null, null, ct);

    /// <summary>"accredit" or "revoke" (with a reason).</summary>
    public Task<ApiResult<OfficerJournalist>> ChangeJournalistAsync(Guid journalistId, string action, long version, object? body, CancellationToken ct) =>
        CallAsync<OfficerJournalist>(HttpMethod.Post, $"/api/media/journalists/{journalistId}/{action}", body ?? new { }, version, ct);

    public Task<ApiResult<List<WebhookSubscriber>>> ListSubscribersAsync(string unitId, CancellationToken ct) =>
        CallAsync<List<WebhookSubscriber>>(HttpMethod.Get, $"/api/media/webhooks?unitId={Uri.EscapeDataString(unitId)}", null, null, ct);

    public Task<ApiResult<List<WebhookDelivery>>> ListDeliveriesAsync(Guid subscriptionId, CancellationToken ct) =>
        CallAsync<List<WebhookDelivery>>(HttpMethod.Get, $"/api/media/webhooks/{subscriptionId}/deliveries", null, null, ct);

    public Task<ApiResult<List<DeadDelivery>>> ListDeadDeliveriesAsync(string unitId, CancellationToken ct) =>
        CallAsync<List<DeadDelivery>>(HttpMethod.Get, $"/api/media/webhooks/dead?unitId={Uri.EscapeDataString(unitId)}", null, null, ct);

    public Task<ApiResult<ReplayResult>> ReplayDeliveryAsync(Guid deliveryId, CancellationToken ct) =>
        CallAsync<ReplayResult>(HttpMethod.Post, $"/api/media/webhooks/dead/{deliveryId}/replay", new { }, null, ct);
}

public sealed record ReleaseSummary(Guid ReleaseId, string UnitId, string Status, string Headline, string Author, string? ApprovedBy, DateTimeOffset? PublishAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? EmbargoUntil, bool UnderEmbargo, int ReleaseVersion, DateTimeOffset UpdatedAt, long Version);

public sealed record ReleaseContact(string Name, string Role, string? OfficePhone, string? OfficeEmail);

/// <summary>A release as its unit's officers see it; BodyHtml is the service's safe rendering of the Markdown body (raw HTML escaped, then sanitised).</summary>
public sealed record OfficerRelease(Guid ReleaseId, string UnitId, string Status, string Headline, string Summary, string Body, string BodyHtml, string Language,
    IReadOnlyList<string> Subjects, string Place, ReleaseContact Contact, string Author, string? ApprovedBy, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset? EmbargoUntil, bool Public, int ReleaseVersion, Guid? ClarificationId, long Version);

public sealed record MediaSubject(string Id, string Label, string LabelEn);

public sealed record ReleaseDraftBody(string? UnitId, string? Headline, string? Summary, string? Body, string? Language, IReadOnlyList<string>? Subjects, string? Place,
    string? ContactName, string? ContactRole, string? ContactPhone, string? ContactEmail);

public sealed record ReleaseCorrectionBody(string? Headline, string? Summary, string? Body, string? Language, IReadOnlyList<string>? Subjects, string? Place,
    string? ContactName, string? ContactRole, string? ContactPhone, string? ContactEmail, string? CorrectionNote);

public sealed record OfficerJournalist(Guid JournalistId, string UnitId, string Outlet, string DewanPersStatus, string Status, string? FullName, string? Email,
    string? PressCardNumber, bool HasToken, DateTimeOffset RegisteredAt, DateTimeOffset? AccreditedAt, long Version, bool PersonalDataErased);

public sealed record WebhookSubscriber(Guid SubscriptionId, Guid JournalistId, IReadOnlyList<string> UnitIds, IReadOnlyList<string> Subjects, bool Active,
    int Delivered, int Pending, int Dead);

public sealed record DeliveryAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error);

public sealed record WebhookDelivery(Guid DeliveryId, Guid ReleaseId, string Event, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt, IReadOnlyList<DeliveryAttempt> Log);

public sealed record DeadDelivery(Guid DeliveryId, Guid SubscriptionId, Guid JournalistId, Guid ReleaseId, string Event, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, string? LastError, bool SubscriptionActive);

public sealed record ReplayResult(IReadOnlyList<Guid> Replayed);
