using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Clarifications;

/// <summary>Following a hoax report with its number and access code, sent in the form's body: never in the address.</summary>
public sealed class FollowReportModel(HumasApi api) : PageModel
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? AccessCode { get; set; }

    public ApiResult<ReportStatus>? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(AccessCode) || Number.Length > 60 || AccessCode.Length > 40)
        {
            Response.StatusCode = 422;
            return Page();
        }
        Result = await api.GetReportAsync(Number.Trim().ToUpperInvariant(), AccessCode.Trim(), ct);
        if (!Result.Ok) Response.StatusCode = Result.Problem?.Status is >= 400 and < 500 ? 422 : 503;
        return Page();
    }
}
