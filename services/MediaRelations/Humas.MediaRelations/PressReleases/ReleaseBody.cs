using System.ComponentModel.DataAnnotations;
using Humas.MediaRelations.Subjects;
using Humas.ServiceDefaults.Problems;

namespace Humas.MediaRelations.PressReleases;

/// <summary>A release as an officer writes it, for drafting and revising (which replaces the whole content).</summary>
public sealed record ReleaseBody(
    [property: MaxLength(ReleaseBody.UnitIdLength)] string? UnitId,
    [property: MaxLength(300)] string? Headline,
    [property: MaxLength(2000)] string? Summary,
    [property: MaxLength(ReleaseBody.BodyLength)] string? Body,
    [property: MaxLength(10)] string? Language,
    IReadOnlyList<string>? Subjects,
    [property: MaxLength(200)] string? Place,
    [property: MaxLength(200)] string? ContactName,
    [property: MaxLength(200)] string? ContactRole,
    [property: MaxLength(30)] string? ContactPhone,
    [property: MaxLength(200)] string? ContactEmail)
{
    public static readonly string[] Languages = ["id", "en"];

    /// <summary>The longest body in Markdown: a press release with its tables, far above any real one.</summary>
    public const int BodyLength = 100_000;

    public const int UnitIdLength = 64;

    public Validation ValidateContent(SubjectList subjects)
    {
        var errors = new Validation()
            .Text(Headline, "headline", 300)
            .Text(Summary, "summary", 2000)
            .Text(Body, "body", BodyLength)
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
