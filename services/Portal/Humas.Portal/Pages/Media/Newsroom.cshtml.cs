using Humas.Portal.Api;
using Humas.Portal.Pages.Shared;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Media;

/// <summary>
/// A newsroom: the public press releases of a unit (a province's or a body's with the units under
/// it) at /{unit}/berita, or national at /berita, newest first, with every feed linked.
/// </summary>
public sealed class NewsroomModel(UnitDirectory units, HumasApi api) : UnitFeedPageModel(units)
{
    public override FeedLinks Feeds => FeedLinks.Releases(Unit?.Id);

    protected override Task<ApiResult<Feed>> ReadAsync(string? unitId, CancellationToken ct) => api.GetReleasesAsync(unitId, ct);
}
