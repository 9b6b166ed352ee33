using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace Humas.Portal.Api;

/// <summary>
/// The public calls of Clarifications and MediaRelations: published clarifications and their
/// ClaimReview, matching a claim, reporting one and following the report; newsrooms and releases.
/// </summary>
public sealed partial class HumasApi
{
    /// <summary>Published clarifications, newest first, as the service's JSON Feed lists them (of a unit with its units, or national).</summary>
    public Task<ApiResult<Feed>> GetClarificationsAsync(string? unitId, CancellationToken ct) =>
        SendAsync<Feed>(HttpMethod.Get, $"/api/clarifications/feeds/json{UnitQuery(unitId)}", null, ct);

    public Task<ApiResult<ClarificationView>> GetClarificationAsync(string number, CancellationToken ct) =>
        SendAsync<ClarificationView>(HttpMethod.Get, $"/api/clarifications/{Uri.EscapeDataString(number)}", null, ct);

    /// <summary>The clarification's ClaimReview JSON-LD as the service wrote it, or null (retracted, unknown, or the service away).</summary>
    public async Task<string?> GetClaimReviewAsync(string number, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"/api/clarifications/{Uri.EscapeDataString(number)}/claimreview", ct);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public Task<ApiResult<MatchAnswer>> GetMatchesAsync(string text, CancellationToken ct) =>
        SendAsync<MatchAnswer>(HttpMethod.Get, $"/api/clarifications/matches?text={Uri.EscapeDataString(text)}", null, ct);

    public Task<ApiResult<ReportReceived>> ReportClaimAsync(ReportBody body, string idempotencyKey, CancellationToken ct) =>
        SendAsync<ReportReceived>(HttpMethod.Post, "/api/clarifications/reports", body, ct, ("Idempotency-Key", idempotencyKey));

    /// <summary>
    /// A screenshot's bytes as the body; the service finds the image type from the bytes themselves.
    /// Sent with the report form's key (a double tap sends the form twice: the image is attached once).
    /// </summary>
    public Task<ApiResult<ScreenshotAttached>> AttachScreenshotAsync(string number, string accessCode, byte[] image, string idempotencyKey, CancellationToken ct) =>
        SendAsync<ScreenshotAttached>(HttpMethod.Post, $"/api/clarifications/reports/{Uri.EscapeDataString(number)}/screenshots",
            new ByteArrayContent(image) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, ct,
            ("X-Access-Code", accessCode), ("Idempotency-Key", idempotencyKey));

    /// <summary>The access code goes in a header, never in an address.</summary>
    public Task<ApiResult<ReportStatus>> GetReportAsync(string number, string accessCode, CancellationToken ct) =>
        SendAsync<ReportStatus>(HttpMethod.Get, $"/api/clarifications/reports/{Uri.EscapeDataString(number)}", null, ct, ("X-Access-Code", accessCode));

    /// <summary>Public press releases, newest first, as the service's JSON Feed lists them (of a unit with its units, or national).</summary>
    public Task<ApiResult<Feed>> GetReleasesAsync(string? unitId, CancellationToken ct) =>
        SendAsync<Feed>(HttpMethod.Get, $"/api/media/feeds/json{UnitQuery(unitId)}", null, ct);

    public Task<ApiResult<PublicRelease>> GetReleaseAsync(Guid releaseId, CancellationToken ct) =>
        SendAsync<PublicRelease>(HttpMethod.Get, $"/api/media/releases/{releaseId}", null, ct);

    public Task<ApiResult<List<ReleaseVersion>>> GetReleaseVersionsAsync(Guid releaseId, CancellationToken ct) =>
        SendAsync<List<ReleaseVersion>>(HttpMethod.Get, $"/api/media/releases/{releaseId}/versions", null, ct);

    /// <summary>The requester answers the PPID's question; the access code and the version they saw go in headers.</summary>
    public Task<ApiResult<Changed>> AnswerClarificationAsync(string number, string accessCode, long version, string? answer, CancellationToken ct) =>
        SendAsync<Changed>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/clarification", new { answer }, ct,
            ("X-Access-Code", accessCode), ("If-Match", $"\"{version}\""));

    public Task<ApiResult<Changed>> WithdrawRequestAsync(string number, string accessCode, long version, string? reason, CancellationToken ct) =>
        SendAsync<Changed>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/withdrawal", new { reason }, ct,
            ("X-Access-Code", accessCode), ("If-Match", $"\"{version}\""));

    public Task<ApiResult<ObjectionFiled>> FileObjectionAsync(string number, string accessCode, ObjectionBody body, string idempotencyKey, CancellationToken ct) =>
        SendAsync<ObjectionFiled>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/objections", body, ct,
            ("X-Access-Code", accessCode), ("Idempotency-Key", idempotencyKey));

    /// <summary>A unit's annual report, its figures by name as the service counts them.</summary>
    public Task<ApiResult<Dictionary<string, System.Text.Json.JsonElement>>> GetAnnualReportAsync(string unitId, int year, CancellationToken ct) =>
        SendAsync<Dictionary<string, System.Text.Json.JsonElement>>(HttpMethod.Get, $"/api/ppid/reports/annual?unitId={Uri.EscapeDataString(unitId)}&year={year}", null, ct);

    private static string UnitQuery(string? unitId) => unitId is null ? "" : $"?unitId={Uri.EscapeDataString(unitId)}";
}

public sealed record FeedAuthor(string? Name);

/// <summary>An item of a service's JSON Feed 1.1.</summary>
public sealed record FeedItem(string Id, string Title, string? Summary, [property: JsonPropertyName("date_published")] DateTimeOffset DatePublished,
    IReadOnlyList<string>? Tags, IReadOnlyList<FeedAuthor>? Authors)
{
    /// <summary>The last segment of the item's address: a clarification's number, a release's id.</summary>
    public string Key => Id.TrimEnd('/')[(Id.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>A clarification's label (its first tag).</summary>
    public string? Label => Tags is { Count: > 0 } tags ? tags[0] : null;

    public string? IssuedBy => Authors is { Count: > 0 } authors ? authors[0].Name : null;
}

public sealed record Feed(string Title, IReadOnlyList<FeedItem> Items);

public sealed record ReleaseAttachment(Guid AttachmentId, string FileName, string ContentType, long Size);

/// <summary>A public release. The contact person the service includes is left out of the portal's pages.</summary>
public sealed record PublicRelease(Guid ReleaseId, string UnitId, int Version, string Headline, string Summary, string BodyHtml, string Language,
    IReadOnlyList<string> Subjects, string Place, DateTimeOffset FirstCreated, DateTimeOffset VersionCreated, string PubStatus, string? CorrectionNote,
    string? WithdrawalNotice, IReadOnlyList<ReleaseAttachment>? Attachments)
{
    public bool Withdrawn => PubStatus == "canceled";
}

public sealed record ReleaseVersion(int Version, string Headline, string Summary, string BodyHtml, DateTimeOffset VersionCreated, string? CorrectionNote);


public sealed record ClarificationCorrection(int Version, string Note, DateTimeOffset CorrectedAt);

public sealed record ClarificationStatement(Guid ReleaseId, string? Headline, string Url);

public sealed record ClarificationView(string Number, string UnitId, string UnitName, string Label, string LabelTitle, int Rating, string Title, string Claim,
    string BodyHtml, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<ClarificationCorrection> Corrections, bool Retracted,
    DateTimeOffset? RetractedAt, string? RetractionReason, string? SourceUrl, ClarificationStatement? Statement);

public sealed record MatchView(string Number, string Title, string Label, string Tier);

public sealed record MatchAnswer(IReadOnlyList<MatchView> Matches);

public sealed record ReportBody(string UnitId, string? Claim, string? SeenOn, string? Outlet, string? Url);

public sealed record ClarificationLink(string Number, string Title, string Label, string Url);

public sealed record ReportReceived(string Number, string AccessCode, string UnitId, DateTimeOffset ReceivedAt, string Status, ClarificationLink? Clarification,
    CaseInReview? Case = null);

/// <summary>The case a report is in while officers check it: reports of the same claim in it, and the time the unit aims to answer by.</summary>
public sealed record CaseInReview(int Reports, DateTimeOffset RespondBy);

public sealed record ScreenshotAttached(Guid ScreenshotId, string MediaType, int Size);

public sealed record ReportStatus(string Number, string UnitId, DateTimeOffset ReceivedAt, string Claim, string SeenOn, string Status, ClarificationLink? Clarification,
    CaseInReview? Case = null);

/// <summary>What a change to a request answers; the portal needs only that it succeeded.</summary>
public sealed record Changed(string? Status);

public sealed record ObjectionBody(IReadOnlyList<string>? Grounds, string? Reasons, DateOnly? GroundsAroseOn);

public sealed record ObjectionFiled(string ObjectionNumber, string RegistrationNumber, DateOnly DecisionDueDate);
