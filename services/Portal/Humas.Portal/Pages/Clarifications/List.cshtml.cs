using Humas.Portal.Api;
using Humas.Portal.Pages.Shared;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Clarifications;

/// <summary>Published clarifications, newest first: of a unit (with the units under it) at /{unit}/klarifikasi, national at /klarifikasi.</summary>
public sealed class ListModel(UnitDirectory units, HumasApi api) : UnitFeedPageModel(units)
{
    public override FeedLinks Feeds => FeedLinks.Clarifications(Unit?.Id);

    protected override Task<ApiResult<Feed>> ReadAsync(string? unitId, CancellationToken ct) => api.GetClarificationsAsync(unitId, ct);
}
