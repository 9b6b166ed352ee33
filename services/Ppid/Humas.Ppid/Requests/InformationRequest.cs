namespace Humas.Ppid.Requests;

public enum RequesterType { Individual, LegalEntity }

public enum RegistrationChannel { Online, WalkIn }

/// <summary>How the requester wants to obtain the information (UU 14/2008 Pasal 22(1)).</summary>
public enum ObtainMethod { See, Read, Listen, Copy }

/// <summary>How the information is to be sent.</summary>
public enum DeliveryMethod { Collect, Post, Email, Fax }

public enum RequestStatus { Registered }

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
    string AccessCodeHash);

/// <summary>The state of one request, folded from its events.</summary>
public sealed record InformationRequest(
    Guid Id,
    string RegistrationNumber,
    string UnitId,
    RequestStatus Status,
    DateTimeOffset ReceivedAt,
    DateOnly DueDate,
    string AccessCodeHash)
{
    public static InformationRequest Initial { get; } = new(Guid.Empty, "", "", RequestStatus.Registered, default, default, "");

    public static string StreamId(Guid requestId) => $"request-{requestId}";

    public const string StreamType = "information-request";

    public static InformationRequest Evolve(InformationRequest state, object @event) => @event switch
    {
        RequestRegistered e => new InformationRequest(e.RequestId, e.RegistrationNumber, e.UnitId, RequestStatus.Registered, e.ReceivedAt, e.DueDate, e.AccessCodeHash),
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
