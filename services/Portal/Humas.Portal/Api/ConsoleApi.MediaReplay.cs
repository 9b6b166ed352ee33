namespace Humas.Portal.Api;

/// <summary>The newsroom desk sends every dead delivery of one webhook subscription again.</summary>
public sealed partial class ConsoleApi
{
    public Task<ApiResult<ReplayResult>> ReplaySubscriptionAsync(Guid subscriptionId, CancellationToken ct) =>
        CallAsync<ReplayResult>(HttpMethod.Post, $"/api/media/webhooks/{subscriptionId}/dead/replay", new { }, null, ct);
}
