using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Humas.Portal.Api;

/// <summary>
/// The PPID desk's calls beyond the inbox: the unit's list of public information (DIP) in every
/// state and its changes, the register a page at a time, and the CSV exports streamed as they come.
/// </summary>
public sealed partial class ConsoleApi
{
    private const string InformationList = "/api/ppid/information-list";

    public Task<ApiResult<List<DipEntry>>> ListDipAsync(string unitId, string? category, string? status, CancellationToken ct) =>
        CallAsync<List<DipEntry>>(HttpMethod.Get, $"{InformationList}/all?unitId={Uri.EscapeDataString(unitId)}&limit=1000"
            + (category is null ? "" : $"&category={Uri.EscapeDataString(category)}") + (status is null ? "" : $"&status={Uri.EscapeDataString(status)}"), null, null, ct);

    public Task<ApiResult<DipEntryView>> GetDipEntryAsync(Guid entryId, CancellationToken ct) =>
        CallAsync<DipEntryView>(HttpMethod.Get, $"{InformationList}/{entryId}", null, null, ct);

    /// <summary>A new draft; the key makes a form sent twice draft once.</summary>
    public Task<ApiResult<DipEntryView>> DraftDipEntryAsync(DipEntryBody body, string idempotencyKey, CancellationToken ct) =>
        CallAsync<DipEntryView>(HttpMethod.Post, InformationList, body, null, ct, idempotencyKey);

    public Task<ApiResult<DipEntryView>> ReviseDipEntryAsync(Guid entryId, long version, DipEntryBody body, CancellationToken ct) =>
        CallAsync<DipEntryView>(HttpMethod.Put, $"{InformationList}/{entryId}", body, version, ct);

    public Task<ApiResult<DipEntryView>> PublishDipEntryAsync(Guid entryId, long version, string? url, CancellationToken ct) =>
        CallAsync<DipEntryView>(HttpMethod.Post, $"{InformationList}/{entryId}/publish", new { url }, version, ct);

    public Task<ApiResult<DipEntryView>> RecordDipExemptionAsync(Guid entryId, long version, CancellationToken ct) =>
        CallAsync<DipEntryView>(HttpMethod.Post, $"{InformationList}/{entryId}/record-exemption", null, version, ct);

    public Task<ApiResult<DipEntryView>> WithdrawDipEntryAsync(Guid entryId, long version, string? reason, CancellationToken ct) =>
        CallAsync<DipEntryView>(HttpMethod.Post, $"{InformationList}/{entryId}/withdraw", new { reason }, version, ct);

    /// <summary>The unit's berkala obligations (and those of the units under it) as the Calendar tracks them, through Ppid's compliance view.</summary>
    public Task<ApiResult<ComplianceView>> GetComplianceAsync(string unitId, CancellationToken ct) =>
        CallAsync<ComplianceView>(HttpMethod.Get, $"/api/ppid/compliance?unitId={Uri.EscapeDataString(unitId)}", null, null, ct);

    public Task<ApiResult<AnnualReportView>> GetAnnualReportViewAsync(string unitId, int year, CancellationToken ct) =>
        CallAsync<AnnualReportView>(HttpMethod.Get, AnnualReportPath(unitId, year, null), null, null, ct);

    public static string AnnualReportPath(string unitId, int year, string? format) =>
        $"/api/ppid/reports/annual?unitId={Uri.EscapeDataString(unitId)}&year={year.ToString(CultureInfo.InvariantCulture)}{(format is null ? "" : $"&format={format}")}";

    /// <summary>
    /// The service's answer itself, unread, with the officer's token and language: for a page of a
    /// list with its <c>Link: rel="next"</c>, or an export to pass on to the browser as it streams.
    /// The caller disposes it; null when the gateway cannot be reached.
    /// </summary>
    public async Task<HttpResponseMessage?> OpenAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (context.HttpContext is { } current && await current.GetTokenAsync("access_token") is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

/// <summary>One entry of a unit's list as its officers see it in the desk's table.</summary>
public sealed record DipEntry(Guid EntryId, string UnitId, string Status, string Category, string Title, int Year, string? ExemptionClause,
    DateTimeOffset? ListedAt, string? Url, DateTimeOffset? WithdrawnAt, long Version);

public sealed record DipEntryView(Guid EntryId, string UnitId, string Status, string Title, string Summary, string Category, string ResponsibleOfficial,
    IReadOnlyList<string> Formats, string RetentionPeriod, int Year, string? ExemptionClause, string? ConsequenceTest, DateTimeOffset? ListedAt, string? Url,
    long Version);

public sealed record DipEntryBody(string? UnitId, string? Title, string? Summary, string? Category, string? ResponsibleOfficial, IReadOnlyList<string>? Formats,
    string? RetentionPeriod, int? Year, string? ExemptionClause, string? ConsequenceTest);

/// <summary>The annual report of a unit (Pasal 11) with every figure Ppid gives, for the report page.</summary>
public sealed record AnnualReportView(string UnitId, int Year, int RequestsReceived, int AnsweredInFull, int AnsweredInPart, int Refused,
    IReadOnlyDictionary<string, int> RefusedByExemption, int NotHeld, int NotYetDocumented, int Referred, int Withdrawn, int StillOpen,
    double? AverageAnswerWorkingDays, int? LongestAnswerWorkingDays, int Extensions, int AnsweredLate, int OverdueUnanswered, int ObjectionsFiled,
    int ObjectionsAccepted, int ObjectionsRejected, int ObjectionsUndecided, int ObjectionsDecidedLate, int Disputes);

/// <summary>One berkala obligation as the Calendar last reported it: scheduled (met, next due later), due, or overdue (missed).</summary>
public sealed record PeriodicObligation(Guid ObligationId, string UnitId, string Title, string Category, DateOnly DueDate, string State,
    DateTimeOffset? LastPublishedAt, DateTimeOffset? ChangedAt);

public sealed record ComplianceView(string UnitId, int Scheduled, int Due, int Overdue, IReadOnlyList<PeriodicObligation> Obligations);
