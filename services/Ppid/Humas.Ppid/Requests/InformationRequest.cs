namespace Humas.Ppid.Requests;

public enum RequestStatus { Registered, AwaitingClarification, Answered, Referred, Withdrawn }

/// <summary>The state of one request, folded from its events.</summary>
public sealed record InformationRequest(
    Guid Id,
    string RegistrationNumber,
    string UnitId,
    RequestStatus Status,
    DateTimeOffset ReceivedAt,
    DateOnly DayZero,
    DateOnly DueDate,
    int ExtensionWorkingDays,
    int PausedWorkingDays,
    DateTimeOffset? ClarificationAskedAt,
    bool Overdue,
    AnswerOutcome? Outcome,
    DateTimeOffset? ClosedAt,
    Guid RequesterSubjectId,
    string? RequesterAccount,
    bool RequesterErased,
    string AccessCodeHash)
{
    public const string StreamType = "information-request";

    public static InformationRequest Initial { get; } = new(Guid.Empty, "", "", RequestStatus.Registered, default, default, default,
        0, 0, null, false, null, null, Guid.Empty, null, false, "");

    public static string StreamId(Guid requestId) => $"request-{requestId}";

    public bool IsOpen => Status is RequestStatus.Registered or RequestStatus.AwaitingClarification;

    public bool Extended => ExtensionWorkingDays > 0;

    public static InformationRequest Evolve(InformationRequest state, object @event) => @event switch
    {
        RequestRegistered e => Initial with
        {
            Id = e.RequestId, RegistrationNumber = e.RegistrationNumber, UnitId = e.UnitId, ReceivedAt = e.ReceivedAt, DayZero = e.DayZero,
            DueDate = e.DueDate, RequesterSubjectId = e.RequesterSubjectId, RequesterAccount = e.RequesterAccount, AccessCodeHash = e.AccessCodeHash,
        },
        RequestRouted e => state with { UnitId = e.ToUnitId },
        RequestReferred e => state with { Status = RequestStatus.Referred, ClosedAt = e.At },
        ClarificationRequested e => state with { Status = RequestStatus.AwaitingClarification, ClarificationAskedAt = e.At },
        ClarificationReceived e => state with
        {
            Status = RequestStatus.Registered, ClarificationAskedAt = null, PausedWorkingDays = state.PausedWorkingDays + e.PausedWorkingDays, DueDate = e.DueDate,
        },
        DeadlineExtended e => state with { ExtensionWorkingDays = e.WorkingDays, DueDate = e.DueDate },
        RequestAnswered e => state with { Status = RequestStatus.Answered, Outcome = e.Outcome, ClosedAt = e.At },
        RequestBecameOverdue => state with { Overdue = true },
        RequestWithdrawn e => state with { Status = RequestStatus.Withdrawn, ClosedAt = e.At },
        DueDateRecomputed e => state with { DueDate = e.DueDate },
        // The account no longer leads to the request: it leaves the citizen's list and their access.
        RequesterDataErased => state with { RequesterErased = true, RequesterAccount = null },
        _ => state,
    };
}

/// <summary>The personal part of a request, only ever stored sealed.</summary>
public sealed record RequesterDetails(
    string FullName,
    string? Nik,
    string? LegalEntityDecree,
    string Address,
    string? Phone,
    string? Email,
    string? PowerOfAttorney);
