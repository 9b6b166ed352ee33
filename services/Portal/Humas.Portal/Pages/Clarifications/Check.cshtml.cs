using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Clarifications;

/// <summary>"Check a claim": the published clarifications the text repeats, best first (the service's public matching).</summary>
public sealed class CheckModel(HumasApi api) : PageModel
{
    public const int MaxText = 4000;

    public string? Text { get; private set; }
    public ApiResult<MatchAnswer>? Result { get; private set; }

    public async Task OnGetAsync(string? text, CancellationToken ct)
    {
        Text = text?.Trim();
        if (string.IsNullOrEmpty(Text)) return;
        Result = await api.GetMatchesAsync(Text.Length > MaxText ? Text[..MaxText] : Text, ct);
        if (!Result.Ok) Response.StatusCode = Result.Problem?.Status is >= 400 and < 500 ? 422 : 503;
    }
}
