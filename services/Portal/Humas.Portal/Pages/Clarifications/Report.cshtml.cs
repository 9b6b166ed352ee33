using Humas.Portal.Api;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Clarifications;

/// <summary>
/// Reporting a suspected hoax to a unit: the claim, where it was seen, its address and a
/// screenshot. The answer to the POST is the confirmation with the report's number and access
/// code (never in an address, never cached); a claim that repeats a published clarification is
/// answered with it at once. The form's Idempotency-Key makes a second tap the same report.
/// </summary>
[RequestSizeLimit(MaxScreenshotBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxScreenshotBytes + 64 * 1024)]
public sealed class ReportModel(UnitDirectory units, HumasApi api, TextCatalog texts) : PageModel
{
    /// <summary>The service's limit for one screenshot; a larger file is refused here before anything is written.</summary>
    public const int MaxScreenshotBytes = 2 * 1024 * 1024;

    public static readonly string[] Places = ["whatsapp", "facebook", "x", "instagram", "tiktok", "youtube", "website", "mass-media", "other"];

    public Unit Unit { get; private set; } = null!;

    [BindProperty] public ReportForm Form { get; set; } = new();

    public ApiResult<ReportReceived>? Result { get; private set; }

    /// <summary>The screenshot's own refusal, shown next to its field.</summary>
    public string? ScreenshotError { get; private set; }

    public IActionResult OnGet(string unitId)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        Form = new ReportForm { Key = Guid.NewGuid().ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unitId, IFormFile? screenshot, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        Response.Headers.CacheControl = "no-store";
        if (!Guid.TryParse(Form.Key, out _)) Form.Key = Guid.NewGuid().ToString();
        if (screenshot is { Length: > MaxScreenshotBytes })
        {
            ScreenshotError = texts["portal.report.screenshot-too-large", MaxScreenshotBytes / 1024];
            Response.StatusCode = 422;
            return Page();
        }
        var body = new ReportBody(unit.Id, Form.Claim, Empty(Form.SeenOn), Form.SeenOn == "mass-media" ? Empty(Form.Outlet) : null, Empty(Form.Url));
        Result = await api.ReportClaimAsync(body, Form.Key, ct);
        if (!Result.Ok)
        {
            Response.StatusCode = Result.Problem?.Status is >= 400 and < 500 ? 422 : 503;
            return Page();
        }
        if (screenshot is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await screenshot.CopyToAsync(buffer, ct);
            var attached = await api.AttachScreenshotAsync(Result.Value!.Number, Result.Value.AccessCode, buffer.ToArray(), Form.Key!, ct);
            if (!attached.Ok) ScreenshotError = attached.ErrorsOf("screenshot").FirstOrDefault() ?? attached.Problem?.Detail ?? attached.Problem?.Title;
        }
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class ReportForm
    {
        public string? Key { get; set; }
        public string? Claim { get; set; }
        public string? SeenOn { get; set; }
        public string? Outlet { get; set; }
        public string? Url { get; set; }
    }
}
