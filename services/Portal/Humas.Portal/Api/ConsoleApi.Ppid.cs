namespace Humas.Portal.Api;

/// <summary>The PPID desk's work on requests and objections beyond answering and extending: route, refer, ask, record a request received at the desk, decide objections.</summary>
public sealed partial class ConsoleApi
{
    public Task<ApiResult<RequestChanged>> RouteAsync(string number, long version, RouteBody body, CancellationToken ct) =>
        CallAsync<RequestChanged>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/routing", body, version, ct);

    public Task<ApiResult<RequestChanged>> ReferAsync(string number, long version, ReferBody body, CancellationToken ct) =>
        CallAsync<RequestChanged>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/referral", body, version, ct);

    public Task<ApiResult<RequestChanged>> AskClarificationAsync(string number, long version, ClarificationQuestionBody body, CancellationToken ct) =>
        CallAsync<RequestChanged>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/clarification-request", body, version, ct);

    /// <summary>A request received at the desk or by post, entered by an officer (the service records the channel and the moment received).</summary>
    public Task<ApiResult<DeskRequestRegistered>> RegisterAtDeskAsync(DeskRequestBody body, string idempotencyKey, CancellationToken ct) =>
        CallAsync<DeskRequestRegistered>(HttpMethod.Post, "/api/ppid/requests", body, null, ct, idempotencyKey);

    public Task<ApiResult<List<ObjectionEntry>>> ListObjectionsAsync(string unitId, string? status, CancellationToken ct) =>
        CallAsync<List<ObjectionEntry>>(HttpMethod.Get,
            $"/api/ppid/objections?unitId={Uri.EscapeDataString(unitId)}&limit=1000{(status is null ? "" : $"&status={Uri.EscapeDataString(status)}")}", null, null, ct);

    public Task<ApiResult<ObjectionEntry>> GetObjectionAsync(string number, CancellationToken ct) =>
        CallAsync<ObjectionEntry>(HttpMethod.Get, $"/api/ppid/objections/{Uri.EscapeDataString(number)}", null, null, ct);

    public Task<ApiResult<ObjectionChanged>> DecideObjectionAsync(string number, long version, ObjectionDecisionBody body, CancellationToken ct) =>
        CallAsync<ObjectionChanged>(HttpMethod.Post, $"/api/ppid/objections/{Uri.EscapeDataString(number)}/decision", body, version, ct);
}

public sealed record RouteBody(string? ToUnitId, string? Reason);

public sealed record ReferBody(string? Agency, string? Reason);

public sealed record ClarificationQuestionBody(string? Question);

public sealed record DeskRequestBody(string? UnitId, string? Channel, DateTimeOffset? ReceivedAt, RequesterBody Requester, string? InformationRequested,
    string? Purpose, IReadOnlyList<string>? ObtainBy, string? DeliveryBy);

public sealed record DeskRequestRegistered(string RegistrationNumber, string AccessCode, string Status, string UnitId, DateTimeOffset ReceivedAt, DateOnly DueDate);

public sealed record ObjectionEntry(string ObjectionNumber, string RegistrationNumber, string UnitId, IReadOnlyList<string> Grounds, string Status,
    DateTimeOffset FiledAt, DateOnly DecisionDueDate, string? Decision, DateTimeOffset? DecidedAt, bool? DecidedLate, DateOnly? DisputeFilingDueDate,
    DateTimeOffset? DisputeFiledAt, long Version, string? Reasons = null, string? DecisionReasons = null, string? CommissionReference = null);

public sealed record ObjectionChanged(string ObjectionNumber, string Status, string? Decision, DateOnly DecisionDueDate, long Version);

public sealed record ObjectionDecisionBody(string? Decision, string? Reasons);
