namespace Humas.Ppid.Requests;

public enum RequesterType { Individual, LegalEntity }

public enum RegistrationChannel { Online, WalkIn, Post }

/// <summary>How the requester wants to obtain the information (UU 14/2008 Pasal 22(1)).</summary>
public enum ObtainMethod { See, Read, Listen, Copy }

/// <summary>How the information is to be sent.</summary>
public enum DeliveryMethod { Collect, Post, Email, Fax }

/// <summary>The outcomes an answer may have under Pasal 22(7).</summary>
public enum AnswerOutcome { Granted, GrantedInPart, Refused, NotHeld, NotYetDocumented }

/// <summary>The exemptions of Pasal 17, letters a to j.</summary>
public enum Exemption { A, B, C, D, E, F, G, H, I, J }

/// <summary>
/// A request was received and logged. The requester's identity and contact details are sealed
/// with a key of their own (crypto-shredding): the event never holds them in clear.
/// </summary>
public sealed record RequestRegistered(
    Guid RequestId,
    string RegistrationNumber,
    string UnitId,
    RegistrationChannel Channel,
    string? RegisteredBy,
    DateTimeOffset ReceivedAt,
    DateOnly DayZero,
    DateOnly DueDate,
    bool DueDateProvisional,
    RequesterType RequesterType,
    Guid RequesterSubjectId,
    string SealedRequester,
    string InformationRequested,
    string Purpose,
    IReadOnlyList<ObtainMethod> ObtainBy,
    DeliveryMethod DeliveryBy,
    string AccessCodeHash,
    string? RequesterAccount = null);

/// <summary>Sent on to the PPID of another unit of the same body, which answers it from now on.</summary>
public sealed record RequestRouted(string FromUnitId, string ToUnitId, string Reason, string By, DateTimeOffset At);

/// <summary>The information is held by another agency; the requester is told which (Pasal 22(7)(b)).</summary>
public sealed record RequestReferred(string Agency, string Reason, string By, DateTimeOffset At);

public sealed record ClarificationRequested(string Question, string By, DateTimeOffset At);

/// <summary>
/// The requester answered; when the rule set pauses the clock, the due date moves by the working days waited.
/// <paramref name="EnteredBy"/> is the officer who wrote down an answer given by telephone or at the desk (null when the requester sent it).
/// </summary>
public sealed record ClarificationReceived(string Answer, DateTimeOffset At, int PausedWorkingDays, DateOnly DueDate, string? EnteredBy = null);

/// <summary>The one extension Pasal 22(8) allows: at most 7 working days, with written reasons.</summary>
public sealed record DeadlineExtended(int WorkingDays, string Reason, DateOnly PreviousDueDate, DateOnly DueDate, string By, DateTimeOffset At);

public sealed record WithheldPart(string Part, Exemption Exemption, string Reason);

/// <summary>The written answer of Pasal 22(7).</summary>
public sealed record RequestAnswered(
    AnswerOutcome Outcome,
    string Summary,
    IReadOnlyList<WithheldPart> WithheldParts,
    Exemption? Exemption,
    string? ConsequenceTest,
    DeliveryMethod Delivery,
    string Format,
    int WorkingDaysTaken,
    bool Late,
    string By,
    DateTimeOffset At);

/// <summary>The due date passed without an answer; detected by the service itself.</summary>
public sealed record RequestBecameOverdue(DateOnly DueDate, DateTimeOffset DetectedAt);

public sealed record RequestWithdrawn(string? Reason, DateTimeOffset At);

/// <summary>The working-day calendar changed (a holiday added or removed) and the due date with it.</summary>
public sealed record DueDateRecomputed(DateOnly PreviousDueDate, DateOnly DueDate, string Cause, DateTimeOffset At);

/// <summary>The requester's key was destroyed: their sealed personal data can no longer be read anywhere.</summary>
public sealed record RequesterDataErased(string By, DateTimeOffset At);
