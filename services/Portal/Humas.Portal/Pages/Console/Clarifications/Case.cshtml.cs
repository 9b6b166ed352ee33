using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Clarifications;

/// <summary>
/// One case as the humas officers of its unit work on it: the claim with its reach, track and
/// response target, the reports behind it with their screenshots (fetched through the service with
/// the officer's token), the suggested match to confirm or reject, evidence, the verdict, the
/// draft with its preview as the service renders it, approval by a second officer, the legal
/// review an official statement needs, publication, correction and retraction. Each form names
/// the version it was shown with; a refused form keeps what was typed, with the problem by the field.
/// </summary>
public sealed class CaseModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public static readonly string[] EvidenceKinds = ["source", "document", "link", "note"];
    private static readonly string[] Actions =
        ["suggestion/confirmation", "suggestion/rejection", "merge", "similar/rejection", "verifier", "screenshot", "evidence", "verdict", "draft", "approval", "legal-review", "publication", "correction", "retraction"];

    public CaseView Current { get; private set; } = null!;
    public IReadOnlyList<ReportView> Reports { get; private set; } = [];
    public IReadOnlyList<VerdictLabel> Labels { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];

    /// <summary>The open case this case's claim resembled at intake, when the officer may read it and it is still open.</summary>
    public CaseView? Similar { get; private set; }

    /// <summary>The draft as typed, as readers would get it (nothing saved), after "Pratinjau".</summary>
    public DraftPreview? Preview { get; private set; }

    /// <summary>The change just made (the API path under the case), or the one refused and its problem.</summary>
    public string? Done { get; private set; }

    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Verifier { get; set; }
    [BindProperty] public EvidenceForm Evidence { get; set; } = new();
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public DraftForm Draft { get; set; } = new();
    [BindProperty] public string? LegalNote { get; set; }
    [BindProperty] public DraftForm Correction { get; set; } = new();
    [BindProperty] public string? CorrectionNote { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ScreenshotReport { get; set; }
    [BindProperty] public IFormFile? Screenshot { get; set; }
    [BindProperty] public string? ScreenshotKey { get; set; }

    /// <summary>A fresh key for the upload form: the same form sent twice attaches its image once.</summary>
    public string NewScreenshotKey { get; } = Guid.NewGuid().ToString("N");

    public bool IsOpen => Current.Status == "open";
    public bool IsPublished => Current.Status == "published";
    public bool CanApprove => IsOpen && Current.Draft is { ApprovedBy: null };
    public bool CanPublish => IsOpen && Current.Draft is { ApprovedBy: not null }
        && (Current.Track != "official-statement" || Current.LegalReview is not null);

    public string At(DateTimeOffset at) => DeskTime.Show(units, Current.UnitId, at);

    public async Task<IActionResult> OnGetAsync(Guid caseId, string? done, CancellationToken ct)
    {
        Done = Actions.Contains(done) ? done : null;
        return await ShowAsync(caseId, ct);
    }

    /// <summary>A screenshot of one of the case's reports, passed on from the service (which decides whether the officer may see it).</summary>
    public async Task<IActionResult> OnGetScreenshotAsync(Guid caseId, string report, Guid id, CancellationToken ct)
    {
        var found = await api.GetCaseAsync(caseId, ct);
        if (!found.Ok || !found.Value!.Reports.Contains(report)) return NotFound();
        return await api.GetScreenshotAsync(report, id, ct) is var (content, mediaType) ? File(content, mediaType) : NotFound();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "suggestion/confirmation", null, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "suggestion/rejection", null, ct);

    /// <summary>Groups this case into the similar one: its report joins that case (If-Match with the version of that case as shown), and this case is closed as merged.</summary>
    public async Task<IActionResult> OnPostMergeAsync(Guid caseId, CancellationToken ct)
    {
        var found = await api.GetCaseAsync(caseId, ct);
        if (!found.Ok) return Unreadable(found.Problem);
        if (found.Value!.Similar is not { } similar || found.Value.Reports.Count == 0) return await ShowAsync(caseId, ct);
        var result = await api.ChangeCaseAsync(similar.CaseId, "reports", Version, new { reportNumber = found.Value.Reports[0] }, ct);
        if (result.Ok) return Redirect($"/console/clarifications/{similar.CaseId}?done=merge");
        return await RefusedAsync(result, "merge", () => ShowAsync(caseId, ct));
    }

    public Task<IActionResult> OnPostKeepApartAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "similar/rejection", null, ct);

    /// <summary>An officer's image (a screenshot of the claim where it spread) attached to one of the case's reports; the service checks and strips it.</summary>
    public async Task<IActionResult> OnPostScreenshotAsync(Guid caseId, CancellationToken ct)
    {
        var found = await api.GetCaseAsync(caseId, ct);
        if (!found.Ok) return Unreadable(found.Problem);
        var report = found.Value!.Reports.Contains(ScreenshotReport) ? ScreenshotReport! : found.Value.Reports[0];
        byte[] image = [];
        if (Screenshot is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            image = buffer.ToArray();
        }
        var key = string.IsNullOrWhiteSpace(ScreenshotKey) ? Guid.NewGuid().ToString("N") : ScreenshotKey;
        var result = await api.AttachReportScreenshotAsync(report, image, key, ct);
        if (result.Ok) return Redirect($"/console/clarifications/{caseId}?done=screenshot");
        return await RefusedAsync(result, "screenshot", () => ShowAsync(caseId, ct));
    }

    public Task<IActionResult> OnPostVerifierAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "verifier", new { verifier = Verifier }, ct);

    public Task<IActionResult> OnPostEvidenceAsync(Guid caseId, CancellationToken ct) =>
        ChangeAsync(caseId, "evidence", new EvidenceBody(Empty(Evidence.Kind), Evidence.Description, Empty(Evidence.Url)), ct);

    public Task<IActionResult> OnPostVerdictAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "verdict", new VerdictBody(Empty(Label), Empty(Category)), ct);

    public Task<IActionResult> OnPostDraftAsync(Guid caseId, CancellationToken ct) =>
        ChangeAsync(caseId, "draft", DraftBody(), ct);

    private ClarificationDraftBody DraftBody() =>
        new(Draft.Title, Draft.Claim, Draft.Explanation, Draft.Facts, Draft.Conclusion, Lines(Draft.References));

    /// <summary>"Pratinjau": the draft as typed, rendered by the service as readers will get it; nothing is saved and the form keeps what was typed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid caseId, CancellationToken ct)
    {
        var result = await api.PreviewDraftAsync(caseId, DraftBody(), ct);
        if (!result.Ok) return await RefusedAsync(result, "draft", () => ShowAsync(caseId, ct));
        Preview = result.Value;
        return await ShowAsync(caseId, ct);
    }

    public Task<IActionResult> OnPostApproveAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "approval", null, ct);

    public Task<IActionResult> OnPostLegalReviewAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "legal-review", new { note = LegalNote }, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "publication", null, ct);

    public Task<IActionResult> OnPostCorrectAsync(Guid caseId, CancellationToken ct) =>
        ChangeAsync(caseId, "correction", new ClarificationCorrectionBody(CorrectionNote, Correction.Title, Correction.Claim, Correction.Explanation, Correction.Facts,
            Correction.Conclusion, Lines(Correction.References)), ct);

    public Task<IActionResult> OnPostRetractAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, "retraction", new { reason = Reason }, ct);

    private async Task<IActionResult> ChangeAsync(Guid caseId, string action, object? body, CancellationToken ct)
    {
        var result = await api.ChangeCaseAsync(caseId, action, Version, body, ct);
        if (result.Ok) return Redirect($"/console/clarifications/{caseId}?done={Uri.EscapeDataString(action)}");
        return await RefusedAsync(result, action, () => ShowAsync(caseId, ct));
    }

    private async Task<IActionResult> ShowAsync(Guid caseId, CancellationToken ct)
    {
        var found = await api.GetCaseAsync(caseId, ct);
        if (!found.Ok) return Unreadable(found.Problem);
        Current = found.Value!;
        var reports = new List<ReportView>();
        foreach (var number in Current.Reports)
            if ((await api.GetReportAsync(number, ct)) is { Ok: true } report) reports.Add(report.Value!);
        Reports = reports;
        Similar = Current is { Status: "open", Similar: { } similar } && await api.GetCaseAsync(similar.CaseId, ct) is { Ok: true } other
            && other.Value!.Status == "open" ? other.Value : null;
        if ((await api.GetVerdictLabelsAsync(ct)) is { Ok: true } labels)
        {
            Labels = labels.Value!.Labels;
            Categories = labels.Value.Categories;
        }
        // What was typed stays after a refusal; otherwise the forms start from the case as it is.
        if (RefusedForm != "verdict")
        {
            Label = Current.Label;
            Category = Current.Category;
        }
        if (RefusedForm != "verifier") Verifier = Current.Verifier;
        if (Current.Draft?.Draft is { } text)
        {
            if (RefusedForm != "draft" && Preview is null) Draft = DraftForm.From(text);
            if (RefusedForm != "correction") Correction = DraftForm.From(text);
        }
        else if (RefusedForm != "draft" && Preview is null) Draft = new DraftForm { Claim = Current.Claim };
        return Page();
    }

    public static string ScreenshotPath(Guid caseId, string report, Guid id) =>
        $"/console/clarifications/{caseId}?handler=Screenshot&report={Uri.EscapeDataString(report)}&id={id}";

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public sealed class EvidenceForm
    {
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Url { get; set; }
    }

    public sealed class DraftForm
    {
        public string? Title { get; set; }
        public string? Claim { get; set; }
        public string? Explanation { get; set; }
        public string? Facts { get; set; }
        public string? Conclusion { get; set; }

        /// <summary>One reference (an address or a citation) a line.</summary>
        public string? References { get; set; }

        public static DraftForm From(ClarificationDraftText draft) => new()
        {
            Title = draft.Title, Claim = draft.Claim, Explanation = draft.Explanation, Facts = draft.Facts, Conclusion = draft.Conclusion,
            References = string.Join('\n', draft.References),
        };
    }
}
