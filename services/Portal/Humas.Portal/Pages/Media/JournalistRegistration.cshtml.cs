using Humas.Portal.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Media;

/// <summary>
/// A journalist, signed in with their own account (registered and confirmed at the identity
/// provider), registers with a unit's humas office, whose officers then accredit them for the
/// embargoed channel. The service refuses an account that is no journalist's; the refusal is
/// shown as it comes. A double tap sends the same Idempotency-Key and registers once.
/// </summary>
[Authorize]
public sealed class JournalistRegistrationModel(ConsoleApi api) : PageModel
{
    [BindProperty]
    public JournalistBody Form { get; set; } = new(null, null, null, null, null, "factually-verified");

    [BindProperty]
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString();

    public ApiResult<JournalistRegistered>? Result { get; private set; }

    public void OnGet([FromQuery] string? unit) => Form = Form with { UnitId = unit };

    public async Task OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Result = await api.RegisterJournalistAsync(Form with
        {
            UnitId = Form.UnitId?.Trim(), FullName = Form.FullName?.Trim(), Outlet = Form.Outlet?.Trim(), Email = Form.Email?.Trim(),
            PressCardNumber = Form.PressCardNumber?.Trim(),
        }, IdempotencyKey, ct);
        if (Result.Ok) return;
        // As the portal's other forms: a refusal re-renders the form (422), an unreachable service says so (503).
        var refused = Result.Problem?.Status is >= 400 and < 500;
        Response.StatusCode = refused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status503ServiceUnavailable;
        // The corrected form is another request: it gets a key of its own (the refused one stays refused).
        if (refused) IdempotencyKey = Guid.NewGuid().ToString();
    }

    public string? ValueOf(string field) => field switch
    {
        "unitId" => Form.UnitId,
        "fullName" => Form.FullName,
        "outlet" => Form.Outlet,
        "email" => Form.Email,
        "pressCardNumber" => Form.PressCardNumber,
        _ => null,
    };
}
