using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Ppid;

/// <summary>
/// The request form (UU 14/2008 Pasal 22) and, once Ppid registered it, the confirmation with the
/// number, the access code and the due date. The confirmation is the answer to the POST itself:
/// the access code never travels in an address, and the page is not stored by any cache. The
/// form carries an Idempotency-Key made when it was shown, so a second tap registers nothing new.
/// </summary>
public sealed class RequestModel(UnitDirectory units, HumasApi api) : PageModel
{
    public static readonly string[] ObtainMethods = ["see", "read", "listen", "copy"];
    public static readonly string[] DeliveryMethods = ["collect", "post", "email", "fax"];

    public Unit Unit { get; private set; } = null!;

    [BindProperty] public RequestForm Form { get; set; } = new();

    public ApiResult<Registered>? Result { get; private set; }

    public IActionResult OnGet(string unitId)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        Form = new RequestForm { Key = Guid.NewGuid().ToString(), Type = "individual" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unitId, CancellationToken ct)
    {
        if (units.Find(unitId) is not { } unit) return NotFound();
        Unit = unit;
        if (!Guid.TryParse(Form.Key, out _)) Form.Key = Guid.NewGuid().ToString();
        var body = new RegisterBody(unit.Id, Form.Requester(), Form.InformationRequested, Form.Purpose, Form.ObtainBy?.Where(ObtainMethods.Contains).ToList(), Empty(Form.DeliveryBy));
        Result = await api.RegisterRequestAsync(body, Form.Key, ct);
        Response.Headers.CacheControl = "no-store";
        if (!Result.Ok) Response.StatusCode = Result.Problem?.Status is >= 400 and < 500 ? 422 : 503;
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class RequestForm : RequesterForm
    {
        public string? Key { get; set; }
        public string? InformationRequested { get; set; }
        public string? Purpose { get; set; }
        public List<string>? ObtainBy { get; set; }
        public string? DeliveryBy { get; set; }
    }
}
