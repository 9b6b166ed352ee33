using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// One request as an officer of its unit works on it: the facts, the requester (NIK and phone
/// masked until the officer asks to see them, which Ppid records), the history, and the actions
/// its state allows as forms: answer with any outcome of Pasal 22(7) (several withheld parts for
/// a partial one), extend the deadline once with reasons, ask the requester for a clarification,
/// route it to another unit of the same body, refer it to the public body holding the
/// information. Each form names the version it was shown with; if someone else changed the
/// request first, nothing is overwritten and the page says so. A refused form keeps what was
/// typed, with the service's message next to the field of that form.
/// </summary>
public sealed partial class RequestModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public static readonly string[] Outcomes = ["granted", "granted-in-part", "refused", "not-held", "not-yet-documented"];
    public static readonly string[] Exemptions = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    public static readonly string[] Deliveries = ["collect", "post", "email", "fax"];
    private static readonly string[] OpenStatuses = ["registered", "awaiting-clarification"];
    private static readonly string[] Changes = ["extended", "answered", "clarification-asked", "clarification-entered", "referred", "routed"];

    /// <summary>Withheld-part rows shown empty beyond those typed, so a partial answer can list several without script.</summary>
    public const int BlankWithheldRows = 2;

    public OfficerRequest Current { get; private set; } = null!;
    public IReadOnlyList<HistoryStep> History { get; private set; } = [];

    /// <summary>What the last change came to (one of <see cref="Changes"/>), or the refusal to show.</summary>
    public string? Done { get; private set; }

    [BindProperty] public ExtendForm Extend { get; set; } = new();
    [BindProperty] public AnswerForm Answer { get; set; } = new();
    [BindProperty] public RouteForm Route { get; set; } = new();
    [BindProperty] public ReferForm Refer { get; set; } = new();
    [BindProperty] public ClarifyForm Clarify { get; set; } = new();
    [BindProperty] public ClarificationAnswerForm ClarificationAnswer { get; set; } = new();

    public bool CanExtend => OpenStatuses.Contains(Current.Status) && !Current.Extended;
    public bool CanAnswer => Current.Status == "registered";
    public bool CanAskClarification => Current.Status == "registered";
    public bool CanEnterClarificationAnswer => Current.Status == "awaiting-clarification";
    public bool CanRouteOrRefer => OpenStatuses.Contains(Current.Status);

    /// <summary>Where the request may be routed: the other units of its body in its province, and the body's national unit.</summary>
    public IReadOnlyList<Unit> RouteTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        Done = Changes.Contains(done) ? done : null;
        return await ShowAsync(number, reveal: false, ct);
    }

    public Task<IActionResult> OnPostRevealAsync(string number, CancellationToken ct) => ShowAsync(number, reveal: true, ct);

    public async Task<IActionResult> OnPostExtendAsync(string number, CancellationToken ct)
    {
        var result = await api.ExtendAsync(number, Extend.Version, new ExtensionBody(Extend.WorkingDays, Extend.Reason), ct);
        return result.Ok ? Changed(number, "extended") : await RefusedAsync(number, "extend", result, ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(string number, CancellationToken ct)
    {
        var partial = Answer.Outcome == "granted-in-part";
        var body = new AnswerBody(Answer.Outcome, Answer.Summary,
            partial ? Answer.TypedWithheldParts().Select(p => new WithheldPartBody(p.Part, Empty(p.Exemption), p.Reason)).ToList() : null,
            Answer.Outcome == "refused" ? Empty(Answer.Exemption) : null,
            Answer.Outcome is "refused" or "granted-in-part" ? Answer.ConsequenceTest : null,
            Empty(Answer.Delivery), Answer.Format);
        var result = await api.AnswerAsync(number, Answer.Version, body, ct);
        return result.Ok ? Changed(number, "answered") : await RefusedAsync(number, "answer", result, ct);
    }

    public async Task<IActionResult> OnPostClarifyAsync(string number, CancellationToken ct)
    {
        var result = await api.AskClarificationAsync(number, Clarify.Version, new ClarificationQuestionBody(Clarify.Question), ct);
        return result.Ok ? Changed(number, "clarification-asked") : await RefusedAsync(number, "clarify", result, ct);
    }

    /// <summary>The requester answered the clarification by telephone or at the desk; the service records this officer as the one who wrote it down.</summary>
    public async Task<IActionResult> OnPostClarificationAnswerAsync(string number, CancellationToken ct)
    {
        var result = await api.EnterClarificationAnswerAsync(number, ClarificationAnswer.Version, new ClarificationAnswerBody(ClarificationAnswer.Answer), ct);
        return result.Ok ? Changed(number, "clarification-entered") : await RefusedAsync(number, "clarification-answer", result, ct);
    }

    public async Task<IActionResult> OnPostReferAsync(string number, CancellationToken ct)
    {
        var result = await api.ReferAsync(number, Refer.Version, new ReferBody(Refer.Agency, Refer.Reason), ct);
        return result.Ok ? Changed(number, "referred") : await RefusedAsync(number, "refer", result, ct);
    }

    /// <summary>Once routed beyond the officer's units, the request is no longer theirs to see: the inbox says where it went.</summary>
    public async Task<IActionResult> OnPostRouteAsync(string number, CancellationToken ct)
    {
        var target = Empty(Route.ToUnitId);
        var result = await api.RouteAsync(number, Route.Version, new RouteBody(target, Route.Reason), ct);
        if (!result.Ok) return await RefusedAsync(number, "route", result, ct);
        return OfficerUnit is { } own && units.Oversees(own, target!)
            ? Changed(number, "routed")
            : Redirect($"/console/ppid?routed={Uri.EscapeDataString(number)}&to={Uri.EscapeDataString(target!)}");
    }

    private RedirectResult Changed(string number, string done) => Redirect($"/console/ppid/{Uri.EscapeDataString(number)}?done={done}");

    private Task<IActionResult> RefusedAsync<T>(string number, string form, ApiResult<T> result, CancellationToken ct) =>
        RefusedAsync(result, form, () => ShowAsync(number, reveal: false, ct));

    private async Task<IActionResult> ShowAsync(string number, bool reveal, CancellationToken ct)
    {
        var request = await api.GetRequestAsync(number, reveal, ct);
        if (!request.Ok) return Unreadable(request.Problem);
        Current = request.Value!;
        RouteTargets = RouteTargetsOf(Current.UnitId);
        var history = await api.GetHistoryAsync(number, ct);
        History = history.Ok ? history.Value! : [];
        return Page();
    }

    private IReadOnlyList<Unit> RouteTargetsOf(string unitId)
    {
        if (units.Find(unitId) is not { } unit) return [];
        var national = units.All.Where(u => u.Institution == unit.Institution && u.Level == UnitLevel.National);
        var province = unit.ProvinceCode is null ? [] : units.All.Where(u => u.Institution == unit.Institution && u.Level == UnitLevel.Province && u.ProvinceCode == unit.ProvinceCode)
            .SelectMany(p => units.Below(p.Id));
        return national.Concat(province).Where(u => u.Id != unit.Id).ToList();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
