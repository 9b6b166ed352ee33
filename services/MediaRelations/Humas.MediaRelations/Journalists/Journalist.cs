namespace Humas.MediaRelations.Journalists;

/// <summary>
/// What a journalist states of their standing with the Dewan Pers (the press council): their
/// outlet verified factually, administratively, or not (yet) verified. Stated, not checked here:
/// the officer who accredits weighs it.
/// </summary>
public enum DewanPersStatus { FactuallyVerified, AdministrativelyVerified, NotVerified }

/// <summary>Registered: waiting for an officer. Accredited: sees embargoed releases with a token. Revoked: sees nothing more than the public.</summary>
public enum AccreditationStatus { Registered, Accredited, Revoked }

/// <summary>The personal data of a journalist, sealed in the events with the personal-data vault (never in feeds, logs or traces).</summary>
public sealed record JournalistDetails(string FullName, string Email, string PressCardNumber);

/// <summary>
/// A journalist registered with the unit whose releases they cover (from their own account). The
/// outlet and the stated status are public facts of a newsroom; the name, e-mail and press card
/// number are sealed under the subject's key.
/// </summary>
public sealed record JournalistRegistered(
    Guid JournalistId, string UnitId, string Account, string Outlet, DewanPersStatus DewanPersStatus,
    Guid PersonalDataSubject, string SealedDetails, DateTimeOffset RegisteredAt);

public sealed record JournalistAccredited(Guid JournalistId, string By, DateTimeOffset At);

/// <summary>
/// Accreditation withdrawn: every token the journalist holds stops opening the embargoed channel,
/// and their webhook subscriptions end (deliveries still owed to them are cancelled), at once.
/// </summary>
public sealed record JournalistAccreditationRevoked(Guid JournalistId, string By, string Reason, DateTimeOffset At);

/// <summary>
/// The journalist's personal data erased on request (UU 27/2022): the key of their subject is
/// destroyed in the transaction that appends this, so the sealed name, e-mail and press card number
/// in the registration can no longer be opened. The outlet and the history stay.
/// </summary>
public sealed record JournalistPersonalDataErased(Guid JournalistId, Guid PersonalDataSubject, string By, DateTimeOffset At);

/// <summary>A new personal token (only its HMAC is kept); the one before it stops working.</summary>
public sealed record JournalistTokenIssued(Guid JournalistId, string TokenHash, DateTimeOffset At);

/// <summary>A journalist, folded from their events.</summary>
public sealed record Journalist(
    Guid Id, string UnitId, string Account, string Outlet, DewanPersStatus DewanPersStatus, Guid PersonalDataSubject, string SealedDetails,
    AccreditationStatus Status, string? TokenHash, DateTimeOffset RegisteredAt, DateTimeOffset? AccreditedAt, string? AccreditedBy, bool PersonalDataErased = false)
{
    public const string StreamType = "journalist";

    public static Journalist Initial { get; } = new(Guid.Empty, "", "", "", DewanPersStatus.NotVerified, Guid.Empty, "",
        AccreditationStatus.Registered, null, default, null, null);

    public static string StreamId(Guid journalistId) => $"journalist-{journalistId}";

    /// <summary>Whether this token opens the embargoed channel now: accredited, and the latest token issued.</summary>
    public bool Admits(string tokenHash) => Status == AccreditationStatus.Accredited && TokenHash is not null && TokenHash == tokenHash;

    public static Journalist Evolve(Journalist state, object @event) => @event switch
    {
        JournalistRegistered e => Initial with
        {
            Id = e.JournalistId, UnitId = e.UnitId, Account = e.Account, Outlet = e.Outlet, DewanPersStatus = e.DewanPersStatus,
            PersonalDataSubject = e.PersonalDataSubject, SealedDetails = e.SealedDetails, RegisteredAt = e.RegisteredAt,
        },
        JournalistAccredited e => state with { Status = AccreditationStatus.Accredited, AccreditedAt = e.At, AccreditedBy = e.By },
        JournalistAccreditationRevoked => state with { Status = AccreditationStatus.Revoked, TokenHash = null },
        JournalistTokenIssued e => state with { TokenHash = e.TokenHash },
        // Unlinked from the account too: the account can no longer act as this journalist.
        JournalistPersonalDataErased => state with { PersonalDataErased = true, Account = "", SealedDetails = "", TokenHash = null },
        _ => state,
    };
}
