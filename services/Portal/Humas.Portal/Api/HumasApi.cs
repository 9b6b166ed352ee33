using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Portal.Api;

/// <summary>
/// The services' APIs as the portal calls them, through the gateway: the portal owns no data.
/// Every call asks for answers in the page's language, so a service's problem (a refused field,
/// an unknown number) can be shown as it is.
/// </summary>
public sealed partial class HumasApi(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<ApiResult<Registered>> RegisterRequestAsync(RegisterBody body, string idempotencyKey, CancellationToken ct) =>
        SendAsync<Registered>(HttpMethod.Post, "/api/ppid/requests", body, ct, ("Idempotency-Key", idempotencyKey));

    /// <summary>The access code goes in a header, never in an address.</summary>
    public Task<ApiResult<RequestStatus>> GetRequestAsync(string number, string accessCode, CancellationToken ct) =>
        SendAsync<RequestStatus>(HttpMethod.Get, $"/api/ppid/requests/{Uri.EscapeDataString(number)}", null, ct, ("X-Access-Code", accessCode));

    public Task<ApiResult<List<InformationEntry>>> GetInformationListAsync(string unitId, string? category, CancellationToken ct) =>
        SendAsync<List<InformationEntry>>(HttpMethod.Get,
            $"/api/ppid/information-list?unitId={Uri.EscapeDataString(unitId)}{(string.IsNullOrEmpty(category) ? "" : $"&category={Uri.EscapeDataString(category)}")}", null, ct);

    public Task<ApiResult<Deadline>> GetDeadlineAsync(string unitId, DateTimeOffset receivedAt, CancellationToken ct) =>
        SendAsync<Deadline>(HttpMethod.Get,
            $"/api/ppid/deadlines?unitId={Uri.EscapeDataString(unitId)}&rule=answer&receivedAt={Uri.EscapeDataString(receivedAt.ToString("O", CultureInfo.InvariantCulture))}", null, ct);

    public Task<ApiResult<List<Election>>> GetElectionsAsync(CancellationToken ct) =>
        SendAsync<List<Election>>(HttpMethod.Get, "/api/calendar/elections", null, ct);

    public Task<ApiResult<Agenda>> GetAgendaAsync(string unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        SendAsync<Agenda>(HttpMethod.Get, $"/api/calendar/units/{Uri.EscapeDataString(unitId)}/agenda?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", null, ct);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body, options: Json);
        request.Headers.AcceptLanguage.ParseAdd(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Unavailable();
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, ct), null, response.StatusCode);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? await response.Content.ReadFromJsonAsync<Problem>(Json, ct)
                : null;
            return new ApiResult<T>(default, problem ?? new Problem(null, null, (int)response.StatusCode, null, null), response.StatusCode);
        }
    }
}

/// <summary>What a call came to: the value, or the service's problem.</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem, HttpStatusCode Status)
{
    public bool Ok => Problem is null && Value is not null;

    public static ApiResult<T> Unavailable() => new(default, new Problem(null, null, 503, null, null), HttpStatusCode.ServiceUnavailable);

    /// <summary>The messages of one field (by its JSON path, e.g. <c>requester.nik</c>), for showing next to it.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        Problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) ? messages : [];
}

public sealed record Problem(string? Title, string? Detail, int? Status, string? Code, Dictionary<string, string[]>? Errors);

public sealed record RequesterBody(string? Type, string? FullName, string? Nik, string? LegalEntityDecree, string? Address, string? Phone, string? Email,
    string? PowerOfAttorney);

public sealed record RegisterBody(string UnitId, RequesterBody Requester, string? InformationRequested, string? Purpose, IReadOnlyList<string>? ObtainBy,
    string? DeliveryBy);

public sealed record LocalizedText(string Id, string En)
{
    public string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Id;
}

public sealed record SkippedDay(DateOnly Date, string Reason);

public sealed record Deadline(DateTimeOffset ReceivedAtLocal, string TimeZone, int WorkingDays, DateOnly DueDate, bool Provisional,
    IReadOnlyList<SkippedDay> SkippedDays, LocalizedText Explanation);

public sealed record Registered(string RegistrationNumber, string AccessCode, string Status, string UnitId, DateTimeOffset ReceivedAt, DateOnly DueDate,
    Deadline Deadline);

public sealed record RequestStatus(string RegistrationNumber, string UnitId, string Status, DateTimeOffset ReceivedAt, DateOnly DueDate, bool DueDateProvisional,
    bool Extended, bool Overdue, string? InformationRequested, string? Outcome, DateTimeOffset? AnsweredAt, long Version = 0, string? ClarificationQuestion = null);

public sealed record InformationEntry(Guid EntryId, string UnitId, string Category, string Title, string? Summary, string? ResponsibleOfficial,
    IReadOnlyList<string>? Formats, string? RetentionPeriod, int? Year, DateTimeOffset? PublishedAt, string? Url, string? ExemptionClause);

public sealed record Stage(string ElectionId, string StageId, string NameId, string NameEn, DateOnly StartDate, DateOnly EndDate, string? Source, bool Corrected)
{
    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameId;
}

public sealed record Election(string ElectionId, string NameId, string NameEn, string? Source, IReadOnlyList<Stage> Stages)
{
    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameId;
}

public sealed record AgendaItem(Guid PublicationId, string Title, string Kind, IReadOnlyList<string> Channels, DateTimeOffset? PlannedAt, DateOnly? AgendaDate,
    string Status);

public sealed record Agenda(string UnitId, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<AgendaItem> Items, IReadOnlyList<Stage> Stages);
