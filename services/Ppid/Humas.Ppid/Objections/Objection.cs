namespace Humas.Ppid.Objections;

/// <summary>The grounds of Pasal 35(1), letters a to g.</summary>
public enum ObjectionGround
{
    RefusedUnderExemption,
    PeriodicInformationNotPublished,
    RequestNotAnswered,
    AnsweredNotAsRequested,
    RequestNotFulfilled,
    UnreasonableFees,
    DeliveredLate,
}

/// <summary>Accepted: the objection succeeds and the PPID's answer is overturned. Rejected: the PPID's answer is upheld.</summary>
public enum ObjectionDecision { Accepted, Rejected }

public enum ObjectionStatus { Filed, Decided }

/// <summary>A written objection to the atasan PPID (Pasal 35–36), with its own number and decision deadline.</summary>
public sealed record ObjectionFiled(
    Guid ObjectionId,
    string ObjectionNumber,
    Guid RequestId,
    string RegistrationNumber,
    string UnitId,
    IReadOnlyList<ObjectionGround> Grounds,
    string Reasons,
    DateOnly GroundsAroseOn,
    DateTimeOffset FiledAt,
    DateOnly DayZero,
    DateOnly DecisionDueDate);

/// <summary>The atasan PPID's written decision with reasons; from it runs the period to take the dispute to the Komisi Informasi.</summary>
public sealed record ObjectionDecided(ObjectionDecision Decision, string Reasons, string By, DateTimeOffset At, bool Late, DateOnly DisputeFilingDueDate);

/// <summary>The dispute was filed with the Komisi Informasi (Pasal 37); the Commission's own period is recorded with it.</summary>
public sealed record DisputeFiled(string? CommissionReference, bool ElectionInformation, DateTimeOffset FiledAt, DateOnly SettlementDueDate, string By);

public sealed record ObjectionDueDateRecomputed(DateOnly PreviousDueDate, DateOnly DueDate, string Cause, DateTimeOffset At);

public sealed record Objection(
    Guid Id,
    string Number,
    Guid RequestId,
    string RegistrationNumber,
    string UnitId,
    ObjectionStatus Status,
    DateTimeOffset FiledAt,
    DateOnly DayZero,
    DateOnly DecisionDueDate,
    ObjectionDecision? Decision,
    DateTimeOffset? DecidedAt,
    DateOnly? DisputeFilingDueDate,
    bool DisputeRecorded)
{
    public const string StreamType = "objection";

    public static Objection Initial { get; } = new(Guid.Empty, "", Guid.Empty, "", "", ObjectionStatus.Filed, default, default, default, null, null, null, false);

    public static string StreamId(Guid objectionId) => $"objection-{objectionId}";

    public static Objection Evolve(Objection state, object @event) => @event switch
    {
        ObjectionFiled e => Initial with
        {
            Id = e.ObjectionId, Number = e.ObjectionNumber, RequestId = e.RequestId, RegistrationNumber = e.RegistrationNumber, UnitId = e.UnitId,
            FiledAt = e.FiledAt, DayZero = e.DayZero, DecisionDueDate = e.DecisionDueDate,
        },
        ObjectionDecided e => state with { Status = ObjectionStatus.Decided, Decision = e.Decision, DecidedAt = e.At, DisputeFilingDueDate = e.DisputeFilingDueDate },
        DisputeFiled => state with { DisputeRecorded = true },
        ObjectionDueDateRecomputed e => state with { DecisionDueDate = e.DueDate },
        _ => state,
    };
}
