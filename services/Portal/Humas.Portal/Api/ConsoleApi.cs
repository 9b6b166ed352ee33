using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;

namespace Humas.Portal.Api;

/// <summary>
/// The services' APIs as the officer console calls them, through the gateway, with the signed-in
/// officer's access token (kept in the console's session cookie) as the Bearer: the services
/// decide which units the officer may see and act on. Every change names the version the
/// officer saw (If-Match), so a change made by someone else first is refused, not overwritten.
/// </summary>
public sealed partial class ConsoleApi(HttpClient http, IHttpContextAccessor context)
{
    public async Task<ApiResult<List<RegisterEntry>>> ListRegisterAsync(string unitId, string? status, CancellationToken ct) =>
        await CallAsync<List<RegisterEntry>>(HttpMethod.Get,
            $"/api/ppid/requests?unitId={Uri.EscapeDataString(unitId)}&limit=1000{(status is null ? "" : $"&status={Uri.EscapeDataString(status)}")}", null, null, ct);

    /// <summary>A request as an officer of its unit sees it: NIK and phone masked unless <paramref name="reveal"/>, which the service records.</summary>
    public Task<ApiResult<OfficerRequest>> GetRequestAsync(string number, bool reveal, CancellationToken ct) =>
        CallAsync<OfficerRequest>(HttpMethod.Get, $"/api/ppid/requests/{Uri.EscapeDataString(number)}{(reveal ? "?reveal=true" : "")}", null, null, ct);

    public Task<ApiResult<List<HistoryStep>>> GetHistoryAsync(string number, CancellationToken ct) =>
        CallAsync<List<HistoryStep>>(HttpMethod.Get, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/history", null, null, ct);

    public Task<ApiResult<RequestChanged>> ExtendAsync(string number, long version, ExtensionBody body, CancellationToken ct) =>
        CallAsync<RequestChanged>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/extension", body, version, ct);

    public Task<ApiResult<RequestChanged>> AnswerAsync(string number, long version, AnswerBody body, CancellationToken ct) =>
        CallAsync<RequestChanged>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/answer", body, version, ct);

    /// <summary>A due date counted in working days from a day, with the non-working days it skipped (the unit's calendar).</summary>
    public Task<ApiResult<WorkingDaysFrom>> GetWorkingDaysFromAsync(string unitId, DateOnly from, CancellationToken ct) =>
        CallAsync<WorkingDaysFrom>(HttpMethod.Get,
            $"/api/ppid/deadlines?unitId={Uri.EscapeDataString(unitId)}&rule=extension&from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", null, null, ct);

    public Task<ApiResult<AnnualFigures>> GetAnnualReportAsync(string unitId, int year, CancellationToken ct) =>
        CallAsync<AnnualFigures>(HttpMethod.Get, $"/api/ppid/reports/annual?unitId={Uri.EscapeDataString(unitId)}&year={year.ToString(CultureInfo.InvariantCulture)}", null, null, ct);

    /// <summary>A journalist's account registers with a unit's humas office, to be accredited there.</summary>
    public Task<ApiResult<JournalistRegistered>> RegisterJournalistAsync(JournalistBody body, string idempotencyKey, CancellationToken ct) =>
        CallAsync<JournalistRegistered>(HttpMethod.Post, "/api/media/journalists", body, null, ct, idempotencyKey);

    private async Task<ApiResult<T>> CallAsync<T>(HttpMethod method, string path, object? body, long? version, CancellationToken ct, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body, options: HumasApi.Json);
        request.Headers.AcceptLanguage.ParseAdd(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (version is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v.ToString(CultureInfo.InvariantCulture)}\""));
        if (context.HttpContext is { } current && await current.GetTokenAsync("access_token") is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(HumasApi.Json, ct), null, response.StatusCode);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? await response.Content.ReadFromJsonAsync<Problem>(HumasApi.Json, ct)
                : null;
            return new ApiResult<T>(default, problem ?? new Problem(null, null, (int)response.StatusCode, null, null), response.StatusCode);
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Unavailable();
        }
    }
}

public sealed record RegisterEntry(string RegistrationNumber, string UnitId, string Channel, DateTimeOffset ReceivedAt, string InformationRequested, string Status,
    string? Outcome, DateOnly DueDate, bool DueDateProvisional, bool Extended, bool Overdue, DateTimeOffset? ClosedAt, long Version);

public sealed record RequesterView(string FullName, string? Nik, string Address, string? Phone, string? Email, bool Erased, bool Revealed);

public sealed record OfficerRequest(string RegistrationNumber, string UnitId, string Status, string Channel, DateTimeOffset ReceivedAt, DateOnly DueDate,
    bool DueDateProvisional, bool Extended, bool Overdue, string? Outcome, string InformationRequested, long Version, RequesterView? Requester,
    string? ClarificationQuestion = null, IReadOnlyList<string>? Objections = null);

public sealed record HistoryStep(long Version, string Type, DateTimeOffset At, string? Actor);

public sealed record RequestChanged(string RegistrationNumber, string Status, DateOnly DueDate, long Version);

public sealed record ExtensionBody(int? WorkingDays, string? Reason);

public sealed record WithheldPartBody(string? Part, string? Exemption, string? Reason);

public sealed record AnswerBody(string? Outcome, string? Summary, IReadOnlyList<WithheldPartBody>? WithheldParts, string? Exemption, string? ConsequenceTest,
    string? Delivery, string? Format);

/// <summary>What a unit's requests of one year came to (Ppid's annual report, Pasal 11), as the leadership summary reads it.</summary>
public sealed record AnnualFigures(string UnitId, int Year, int RequestsReceived, int AnsweredInFull, int AnsweredInPart, int Refused, int NotHeld,
    int NotYetDocumented, int StillOpen, double? AverageAnswerWorkingDays, int Extensions, int AnsweredLate, int OverdueUnanswered, int ObjectionsFiled,
    int ObjectionsUndecided, int ObjectionsDecidedLate)
{
    public int Answered => AnsweredInFull + AnsweredInPart + Refused + NotHeld + NotYetDocumented;

    public int AnsweredOnTime => Answered - AnsweredLate;
}

public sealed record WorkingDaysFrom(DateOnly DayZero, int WorkingDays, DateOnly DueDate, IReadOnlyList<SkippedDay> SkippedDays);

/// <summary>Whether a change was refused because someone else changed the record first (the If-Match named an older version).</summary>
public static class ApiResultExtensions
{
    public static bool ChangedByOthers<T>(this ApiResult<T> result) => result.Status == HttpStatusCode.PreconditionFailed;
}

public sealed record JournalistBody(string? UnitId, string? FullName, string? Outlet, string? Email, string? PressCardNumber, string? DewanPersStatus);

public sealed record JournalistRegistered(Guid JournalistId, string UnitId, string Status);
