using Humas.MediaRelations.Subjects;
using Humas.ServiceDefaults.Problems;

namespace Humas.MediaRelations.PressReleases;

/// <summary>A release as an officer writes it, for drafting and revising (which replaces the whole content).</summary>
public sealed record ReleaseBody(
    string? UnitId,
    string? Headline,
    string? Summary,
    string? Body,
    string? Language,
    IReadOnlyList<string>? Subjects,
    string? Place,
    string? ContactName,
    string? ContactRole,
    string? ContactPhone,
    string? ContactEmail)
{
    public static readonly string[] Languages = ["id", "en"];

    public Validation ValidateContent(SubjectList subjects)
    {
        var errors = new Validation()
            .Text(Headline, "headline", 300)
            .Text(Summary, "summary", 2000)
            .Text(Body, "body", 100_000)
            .Text(Place, "place", 200)
            .Text(ContactName, "contactName", 200)
            .Text(ContactRole, "contactRole", 200);
        if (string.IsNullOrWhiteSpace(Language)) errors.Add("language", "field.required", "language");
        else errors.FailWhen(!Languages.Contains(Language.Trim()), "language", "field.unknown-value", "language", Language, string.Join(", ", Languages));
        if (Subjects is null || Subjects.Count == 0) errors.Add("subjects", "release.subjects.required");
        else foreach (var subject in Subjects)
            errors.FailWhen(subjects.Find(subject ?? "") is null, "subjects", "field.unknown-value", "subjects", subject, "/api/media/subjects");
        var phone = ContactPhone?.Trim();
        var email = ContactEmail?.Trim();
        if (string.IsNullOrEmpty(phone) && string.IsNullOrEmpty(email)) errors.Add("contactPhone", "release.contact.required");
        if (!string.IsNullOrEmpty(phone))
            errors.FailWhen(phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'), "contactPhone", "release.contact.phone-invalid");
        if (!string.IsNullOrEmpty(email))
            errors.FailWhen(email.Length > 200 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace),
                "contactEmail", "release.contact.email-invalid");
        return errors;
    }

    /// <summary>Only after validation found nothing.</summary>
    public ReleaseContent ToContent() => new(
        Headline!.Trim(), Summary!.Trim(), Body!, Language!.Trim(), Subjects!.Distinct().ToArray(), Place!.Trim(),
        new ContactPerson(ContactName!.Trim(), ContactRole!.Trim(), Blank(ContactPhone), Blank(ContactEmail)));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
