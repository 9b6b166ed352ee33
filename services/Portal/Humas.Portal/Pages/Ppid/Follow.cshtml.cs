using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Ppid;

/// <summary>
/// Following a request with its number and access code, sent in the form's body: never in the
/// address. With the status come what the requester may still do: answer the PPID's request for
/// clarification, withdraw the request, file an objection on the grounds of Pasal 35(1). Each of
/// these forms carries the number, the code and the version the requester saw back in its body.
/// </summary>
public sealed class FollowModel(HumasApi api) : PageModel
{
    /// <summary>The grounds of an objection, UU 14/2008 Pasal 35(1) a–g, as the service names them.</summary>
    public static readonly string[] ObjectionGrounds =
    [
        "refused-under-exemption", "periodic-information-not-published", "request-not-answered", "answered-not-as-requested", "request-not-fulfilled",
        "unreasonable-fees", "delivered-late",
    ];

    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? AccessCode { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public ObjectionForm Objection { get; set; } = new();

    public ApiResult<RequestStatus>? Result { get; private set; }

    /// <summary>The refusal of the last action and which form it concerns, shown next to its fields.</summary>
    public (string Form, Problem Problem)? Refused { get; private set; }

    /// <summary>The text key of what the last action did.</summary>
    public string? Done { get; private set; }

    public ObjectionFiled? Filed { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostClarifyAsync(CancellationToken ct) =>
        ActAsync("clarify", () => api.AnswerClarificationAsync(Number!, AccessCode!, Version, Answer, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        ActAsync("withdraw", () => api.WithdrawRequestAsync(Number!, AccessCode!, Version, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), ct), ct);

    public Task<IActionResult> OnPostObjectAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(Objection.Key, out _)) Objection.Key = Guid.NewGuid().ToString();
        var body = new ObjectionBody(Objection.Grounds?.Where(ObjectionGrounds.Contains).ToList(), Objection.Reasons, Objection.GroundsAroseOn);
        return ActAsync("object", async () =>
        {
            var filed = await api.FileObjectionAsync(Number!, AccessCode!, body, Objection.Key, ct);
            Filed = filed.Value;
            return filed;
        }, ct);
    }

    private bool Incomplete => string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(AccessCode) || Number.Length > 40 || AccessCode.Length > 40;

    private async Task<IActionResult> ActAsync<T>(string form, Func<Task<ApiResult<T>>> act, CancellationToken ct)
    {
        if (Incomplete) return await ShowAsync(ct);
        Number = Number!.Trim().ToUpperInvariant();
        AccessCode = AccessCode!.Trim();
        var result = await act();
        if (result.Ok) Done = $"portal.follow.done.{form}";
        else Refused = (form, result.Problem!);
        var page = await ShowAsync(ct);
        if (!result.Ok) Response.StatusCode = 422;
        return page;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (Incomplete)
        {
            Response.StatusCode = 422;
            return Page();
        }
        Result = await api.GetRequestAsync(Number!.Trim().ToUpperInvariant(), AccessCode!.Trim(), ct);
        if (!Result.Ok) Response.StatusCode = Result.Problem?.Status is >= 400 and < 500 ? 422 : 503;
        else Version = Result.Value!.Version;
        return Page();
    }

    public sealed class ObjectionForm
    {
        public string? Key { get; set; }
        public List<string>? Grounds { get; set; }
        public string? Reasons { get; set; }
        public DateOnly? GroundsAroseOn { get; set; }
    }
}
