namespace Humas.Portal.Api;

/// <summary>
/// What the PPID desk records after the requester's turn: a clarification answer the requester gave
/// by telephone or at the desk, and the dispute taken to the Komisi Informasi after an objection.
/// </summary>
public sealed partial class ConsoleApi
{
    public Task<ApiResult<RequestChanged>> EnterClarificationAnswerAsync(string number, long version, ClarificationAnswerBody body, CancellationToken ct) =>
        CallAsync<RequestChanged>(HttpMethod.Post, $"/api/ppid/requests/{Uri.EscapeDataString(number)}/clarification/entered", body, version, ct);

    public Task<ApiResult<ObjectionChanged>> RecordDisputeAsync(string number, long version, DisputeBody body, CancellationToken ct) =>
        CallAsync<ObjectionChanged>(HttpMethod.Post, $"/api/ppid/objections/{Uri.EscapeDataString(number)}/dispute", body, version, ct);
}

public sealed record ClarificationAnswerBody(string? Answer);

public sealed record DisputeBody(string? CommissionReference, bool? ElectionInformation);
