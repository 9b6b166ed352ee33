using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// One request as an officer of its unit works on it: the facts, the requester (NIK and phone
/// masked until the officer asks to see them, which Ppid records), the history, and the actions
/// its state allows as forms: extend the deadline once with reasons, answer with any outcome of
/// Pasal 22(7). Each form names the version it was shown with; if someone else changed the
/// request first, nothing is overwritten and the page says so. A refused form keeps what was
/// typed, with the service's message next to the field.
/// </summary>
public sealed class RequestModel(ConsoleApi api) : ConsolePageModel
{
    public static readonly string[] Outcomes = ["granted", "granted-in-part", "refused", "not-held", "not-yet-documented"];
    public static readonly string[] Exemptions = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    public static readonly string[] Deliveries = ["collect", "post", "email", "fax"];
    private static readonly string[] OpenStatuses = ["registered", "awaiting-clarification"];

    public OfficerRequest Current { get; private set; } = null!;
    public IReadOnlyList<HistoryStep> History { get; private set; } = [];

    /// <summary>What the last change came to: "extended", "answered", or the refusal to show.</summary>
    public string? Done { get; private set; }
    public Problem? Refused { get; private set; }
    public bool ChangedByOthers { get; private set; }

    [BindProperty] public ExtendForm Extend { get; set; } = new();
    [BindProperty] public AnswerForm Answer { get; set; } = new();

    public bool CanExtend => OpenStatuses.Contains(Current.Status) && !Current.Extended;
    public bool CanAnswer => Current.Status == "registered";

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        Done = done is "extended" or "answered" ? done : null;
        return await ShowAsync(number, reveal: false, ct);
    }

    public Task<IActionResult> OnPostRevealAsync(string number, CancellationToken ct) => ShowAsync(number, reveal: true, ct);

    public async Task<IActionResult> OnPostExtendAsync(string number, CancellationToken ct)
    {
        var result = await api.ExtendAsync(number, Extend.Version, new ExtensionBody(Extend.WorkingDays, Extend.Reason), ct);
        return result.Ok ? Redirect($"/console/ppid/{Uri.EscapeDataString(number)}?done=extended") : await RefusedAsync(number, result, ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(string number, CancellationToken ct)
    {
        var partial = Answer.Outcome == "granted-in-part";
        var body = new AnswerBody(Answer.Outcome, Answer.Summary,
            partial ? [new WithheldPartBody(Answer.WithheldPart, Empty(Answer.WithheldExemption), Answer.WithheldReason)] : null,
            Answer.Outcome == "refused" ? Empty(Answer.Exemption) : null,
            Answer.Outcome is "refused" or "granted-in-part" ? Answer.ConsequenceTest : null,
            Empty(Answer.Delivery), Answer.Format);
        var result = await api.AnswerAsync(number, Answer.Version, body, ct);
        return result.Ok ? Redirect($"/console/ppid/{Uri.EscapeDataString(number)}?done=answered") : await RefusedAsync(number, result, ct);
    }

    private async Task<IActionResult> RefusedAsync<T>(string number, ApiResult<T> result, CancellationToken ct)
    {
        Refused = result.Problem;
        ChangedByOthers = result.ChangedByOthers();
        var shown = await ShowAsync(number, reveal: false, ct);
        if (shown is PageResult) Response.StatusCode = result.Problem?.Status is >= 400 and < 500 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status503ServiceUnavailable;
        return shown;
    }

    private async Task<IActionResult> ShowAsync(string number, bool reveal, CancellationToken ct)
    {
        var request = await api.GetRequestAsync(number, reveal, ct);
        if (!request.Ok)
            return request.Problem?.Status is 403 or 404 or 401 ? NotFound() : StatusCode(StatusCodes.Status503ServiceUnavailable);
        Current = request.Value!;
        var history = await api.GetHistoryAsync(number, ct);
        History = history.Ok ? history.Value! : [];
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public IReadOnlyList<string> ErrorsOf(string field) =>
        Refused?.Errors is { } errors && errors.TryGetValue(field, out var messages) ? messages : [];

    public sealed class ExtendForm
    {
        public long Version { get; set; }
        public int? WorkingDays { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class AnswerForm
    {
        public long Version { get; set; }
        public string? Outcome { get; set; }
        public string? Summary { get; set; }
        public string? Exemption { get; set; }
        public string? ConsequenceTest { get; set; }
        public string? WithheldPart { get; set; }
        public string? WithheldExemption { get; set; }
        public string? WithheldReason { get; set; }
        public string? Delivery { get; set; }
        public string? Format { get; set; }
    }
}
