using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Calendar;

/// <summary>The election timelines with their stages and sources.</summary>
public sealed class ElectionsModel(HumasApi api) : PageModel
{
    public ApiResult<List<Election>> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await api.GetElectionsAsync(ct);
        if (!Result.Ok) Response.StatusCode = 503;
    }
}
