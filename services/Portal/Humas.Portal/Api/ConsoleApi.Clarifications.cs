using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace Humas.Portal.Api;

/// <summary>The clarifications desk's calls: cases of a unit, one case and the changes to it, the reports behind it and their screenshots.</summary>
public sealed partial class ConsoleApi
{
    public Task<ApiResult<CaseList>> ListCasesAsync(string unitId, string? status, CancellationToken ct) =>
        CallAsync<CaseList>(HttpMethod.Get,
            $"/api/clarifications/cases?unitId={Uri.EscapeDataString(unitId)}&limit=200{(status is null ? "" : $"&status={Uri.EscapeDataString(status)}")}", null, null, ct);

    public Task<ApiResult<CaseView>> GetCaseAsync(Guid caseId, CancellationToken ct) =>
        CallAsync<CaseView>(HttpMethod.Get, $"/api/clarifications/cases/{caseId}", null, null, ct);

    public Task<ApiResult<ReportView>> GetReportAsync(string number, CancellationToken ct) =>
        CallAsync<ReportView>(HttpMethod.Get, $"/api/clarifications/reports/{Uri.EscapeDataString(number)}", null, null, ct);

    public Task<ApiResult<VerdictLabelList>> GetVerdictLabelsAsync(CancellationToken ct) =>
        CallAsync<VerdictLabelList>(HttpMethod.Get, "/api/clarifications/labels", null, null, ct);

    /// <summary>
    /// A change to a case: <paramref name="action"/> is the path under the case (e.g. "approval"); the draft is a PUT, the rest are POSTs.
    /// </summary>
    public Task<ApiResult<CaseChanged>> ChangeCaseAsync(Guid caseId, string action, long version, object? body, CancellationToken ct) =>
        CallAsync<CaseChanged>(action == "draft" ? HttpMethod.Put : HttpMethod.Post, $"/api/clarifications/cases/{caseId}/{action}", body ?? new { }, version, ct);

    /// <summary>The draft as readers would get it, checked as saving it would be; nothing is saved.</summary>
    public Task<ApiResult<DraftPreview>> PreviewDraftAsync(Guid caseId, ClarificationDraftBody body, CancellationToken ct) =>
        CallAsync<DraftPreview>(HttpMethod.Post, $"/api/clarifications/cases/{caseId}/draft/preview", body, null, ct);

    /// <summary>
    /// An officer attaches an image to a report of the case (the service checks its type from the bytes and strips its
    /// metadata); the form's key makes a form sent twice attach it once.
    /// </summary>
    public Task<ApiResult<ReportScreenshot>> AttachReportScreenshotAsync(string reportNumber, byte[] image, string idempotencyKey, CancellationToken ct) =>
        CallAsync<ReportScreenshot>(HttpMethod.Post, $"/api/clarifications/reports/{Uri.EscapeDataString(reportNumber)}/screenshots",
            new ByteArrayContent(image) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream") } }, null, ct, idempotencyKey);

    /// <summary>A report's screenshot, fetched with the officer's token (the service decides whether the officer may see it).</summary>
    public async Task<(byte[] Content, string MediaType)?> GetScreenshotAsync(string reportNumber, Guid screenshotId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/clarifications/reports/{Uri.EscapeDataString(reportNumber)}/screenshots/{screenshotId}");
        request.Headers.AcceptLanguage.ParseAdd(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (context.HttpContext is { } current && await current.GetTokenAsync("access_token") is { } token)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not { } mediaType || !mediaType.StartsWith("image/", StringComparison.Ordinal))
                return null;
            return (await response.Content.ReadAsByteArrayAsync(ct), mediaType);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

public sealed record CaseRow(Guid CaseId, string UnitId, string Status, string Track, string Claim, DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Flagged,
    string? EscalatedTo, string? SuggestedNumber, string? ResolvedNumber, string? Verifier, string? Label, string? Number, int ReportCount, Guid? SimilarCaseId);

public sealed record CaseList(IReadOnlyList<CaseRow> Cases, string? Next);

public sealed record CaseReach(long Shares, long Views, IReadOnlyList<string> QuotedByOutlets);

public sealed record CaseSuggestion(string Number, string Title, string Label, double Score);

public sealed record CaseEvidence(string Kind, string Description, string? Url, string By, DateTimeOffset At);

public sealed record ClarificationDraftText(string Title, string Claim, string Explanation, string Facts, string Conclusion, IReadOnlyList<string> References);

/// <summary>The draft with the HTML the service made of its Markdown (raw HTML escaped, then sanitised): what readers will get.</summary>
public sealed record CaseDraft(int Revision, ClarificationDraftText Draft, string Author, string Html, string? ApprovedBy);

public sealed record CaseView(Guid CaseId, string UnitId, string Status, string Track, CaseReach Reach, string Claim, string? AppearanceUrl, DateTimeOffset? FirstSeenAt,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, bool Flagged, string? EscalatedTo, CaseSuggestion? Suggestion, IReadOnlyList<string> Reports, string? Verifier,
    IReadOnlyList<CaseEvidence> Evidence, string? Label, string? Category, CaseDraft? Draft, string? LegalReview, string? Number, int ClarificationVersion,
    string? ResolvedWith, Guid? StatementReleaseId, CaseSimilar? Similar, long Version);

/// <summary>An open case of the unit whose claim this case's report resembled at intake: an officer groups the two or keeps them apart.</summary>
public sealed record CaseSimilar(Guid CaseId, double Score);

/// <summary>A draft as readers would get it (labelled title, claim, the service's safe HTML of its body), not saved.</summary>
public sealed record DraftPreview(string Title, string Claim, string Html);

public sealed record CaseChanged(Guid CaseId, string UnitId, string Status, string Track, DateTimeOffset DueAt, bool Flagged, string? Number, int ClarificationVersion, long Version);

public sealed record ReportScreenshot(Guid ScreenshotId, string MediaType, int Size, string Url);

public sealed record ReportView(string Number, string UnitId, DateTimeOffset ReceivedAt, string Claim, string SeenOn, string Status, IReadOnlyList<ReportScreenshot>? Screenshots);

public sealed record VerdictLabel(string Code, string Title, int Rating, string Category);

public sealed record VerdictLabelList(IReadOnlyList<VerdictLabel> Labels, IReadOnlyList<string> Categories);

public sealed record EvidenceBody(string? Kind, string? Description, string? Url);

public sealed record VerdictBody(string? Label, string? Category);

public sealed record ClarificationDraftBody(string? Title, string? Claim, string? Explanation, string? Facts, string? Conclusion, IReadOnlyList<string>? References);

public sealed record ClarificationCorrectionBody(string? Note, string? Title, string? Claim, string? Explanation, string? Facts, string? Conclusion,
    IReadOnlyList<string>? References);
