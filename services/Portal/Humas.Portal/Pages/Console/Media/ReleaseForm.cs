using Humas.Portal.Api;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>A release's content as the officer types it (drafting, revising, correcting); the body is Markdown.</summary>
public sealed class ReleaseForm
{
    public string? Headline { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? Language { get; set; } = "id";
    public List<string> Subjects { get; set; } = [];
    public string? Place { get; set; }
    public string? ContactName { get; set; }
    public string? ContactRole { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public ReleaseDraftBody ToDraft(string? unitId) =>
        new(unitId, Headline, Summary, Body, Language, Subjects, Place, ContactName, ContactRole, ContactPhone, ContactEmail);

    public ReleaseCorrectionBody ToCorrection(string? note) =>
        new(Headline, Summary, Body, Language, Subjects, Place, ContactName, ContactRole, ContactPhone, ContactEmail, note);

    public static ReleaseForm From(OfficerRelease r) => new()
    {
        Headline = r.Headline, Summary = r.Summary, Body = r.Body, Language = r.Language, Subjects = [.. r.Subjects], Place = r.Place,
        ContactName = r.Contact.Name, ContactRole = r.Contact.Role, ContactPhone = r.Contact.OfficePhone, ContactEmail = r.Contact.OfficeEmail,
    };
}

/// <summary>What the fields partial needs: the form's name prefix and values, the subjects to choose from, the service's messages by field.</summary>
public sealed record ReleaseFieldsView(string Prefix, ReleaseForm Form, IReadOnlyList<MediaSubject> Subjects, Func<string, IReadOnlyList<string>> ErrorsOf);
