using Humas.Portal.Api;
using Humas.Portal.Pages.Shared;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Media;

/// <summary>
/// A public press release: the current version with its attachments, the correction notice of
/// the latest version, the withdrawal notice when it was withdrawn, and the history of its
/// versions. The release's contact person is not shown.
/// </summary>
public sealed class ReleaseModel(UnitDirectory units, HumasApi api) : PageModel
{
    public ApiResult<PublicRelease> Result { get; private set; } = null!;
    public IReadOnlyList<ReleaseVersion> Versions { get; private set; } = [];
    public string UnitName { get; private set; } = "";
    public FeedLinks Feeds => FeedLinks.Releases(Result.Value?.UnitId);

    public async Task<IActionResult> OnGetAsync(Guid releaseId, CancellationToken ct)
    {
        Result = await api.GetReleaseAsync(releaseId, ct);
        if (Result.Status == System.Net.HttpStatusCode.NotFound) return NotFound();
        if (!Result.Ok)
        {
            Response.StatusCode = 503;
            return Page();
        }
        UnitName = units.Find(Result.Value!.UnitId)?.Name ?? Result.Value.UnitId;
        if (await api.GetReleaseVersionsAsync(releaseId, ct) is { Ok: true, Value: { } versions }) Versions = versions.OrderByDescending(v => v.Version).ToList();
        return Page();
    }

    public static string Size(long bytes) => bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024)} KB" : $"{bytes / (1024.0 * 1024):0.#} MB";
}
