using Humas.Portal.Api;

namespace Humas.Portal.Pages.Ppid;

/// <summary>
/// The requester's part of a PPID request form (UU 14/2008 Pasal 4 and 22): the citizen's own form
/// on the portal and the form an officer fills in at the desk both inherit it, so both send the
/// requester the same way and show the same fields (<c>_RequesterFields.cshtml</c>).
/// </summary>
public class RequesterForm
{
    public string? Type { get; set; }
    public string? FullName { get; set; }
    public string? Nik { get; set; }
    public string? LegalEntityDecree { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PowerOfAttorney { get; set; }

    /// <summary>The requester as Ppid takes it: a legal entity has a decree and no NIK, an individual the reverse; empty optional fields are left out.</summary>
    public RequesterBody Requester()
    {
        var legalEntity = Type == "legal-entity";
        return new RequesterBody(Type, FullName, legalEntity ? null : Empty(Nik), legalEntity ? LegalEntityDecree : null, Address,
            Empty(Phone), Empty(Email), Empty(PowerOfAttorney));
    }

    protected static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// What the requester fields need to be shown: the form as typed, the service's messages by field,
/// and whether the browser may fill them in from its own data (the citizen's form; not at the desk,
/// where the officer types someone else's).
/// </summary>
public sealed record RequesterFields(RequesterForm Form, Func<string, IReadOnlyList<string>> ErrorsOf, bool OwnData);
