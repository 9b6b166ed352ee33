using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Clarifications;

/// <summary>
/// One published clarification: its label, the claim, the explanation (facts and conclusion) and
/// its references, with the service's ClaimReview JSON-LD embedded as it is, for search engines
/// and fact-checking exchanges. A retracted clarification shows the notice and carries no ClaimReview.
/// </summary>
public sealed class ClarificationModel(HumasApi api) : PageModel
{
    public ApiResult<ClarificationView> Result { get; private set; } = null!;

    /// <summary>The JSON-LD, safe inside a script element (no "&lt;" can close it).</summary>
    public string? ClaimReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (number.Length > 60) return NotFound();
        Result = await api.GetClarificationAsync(number, ct);
        if (Result.Status == System.Net.HttpStatusCode.NotFound) return NotFound();
        if (!Result.Ok)
        {
            Response.StatusCode = 503;
            return Page();
        }
        if (!Result.Value!.Retracted)
            ClaimReview = (await api.GetClaimReviewAsync(Result.Value.Number, ct))?.Replace("<", "\\u003c", StringComparison.Ordinal);
        return Page();
    }
}
