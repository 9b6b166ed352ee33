using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults.Problems;
namespace Humas.Ppid.InformationList;

/// <summary>
/// An entry as an officer writes it, for drafting and for revising (which replaces the whole
/// content). For a <c>dikecualikan</c> entry the Pasal 17 clause and the consequence test are
/// required; for the other categories they must be absent.
/// </summary>
public sealed record EntryBody(
    [property: MaxLength(50)] string? UnitId,
    [property: MaxLength(300)] string? Title,
    [property: MaxLength(4000)] string? Summary,
    InformationCategory? Category,
    [property: MaxLength(200)] string? ResponsibleOfficial,
    IReadOnlyList<DocumentFormat>? Formats,
    [property: MaxLength(200)] string? RetentionPeriod,
    int? Year,
    [property: MaxLength(10)] string? ExemptionClause,
    [property: MaxLength(4000)] string? ConsequenceTest)
{
    /// <summary>The earliest year an entry may describe: a plausibility bound, not a legal one.</summary>
    public const int EarliestYear = 1945;

    public Validation ValidateContent(int currentYear)
    {
        var errors = new Validation()
            .Text(Title, "title", 300)
            .Text(Summary, "summary", 4000)
            .Text(ResponsibleOfficial, "responsibleOfficial", 200)
            .Text(RetentionPeriod, "retentionPeriod", 200);
        errors.FailWhen(Category is null, "category", "entry.category.required");
        errors.FailWhen(Formats is null || Formats.Count == 0, "formats", "entry.formats.required");
        if (Year is null) errors.Add("year", "field.required", "year");
        else errors.FailWhen(Year < EarliestYear || Year > currentYear + 1, "year", "entry.year.out-of-range", EarliestYear, currentYear + 1);

        if (Category == InformationCategory.Dikecualikan)
        {
            if (string.IsNullOrWhiteSpace(ExemptionClause)) errors.Add("exemptionClause", "entry.exemption-clause.required");
            else errors.FailWhen(!Pasal17Exemptions.ByClause.ContainsKey(ExemptionClause.Trim()), "exemptionClause", "entry.exemption-clause.unknown", ExemptionClause);
            errors.Text(ConsequenceTest, "consequenceTest", 4000);
        }
        else
        {
            errors.FailWhen(!string.IsNullOrWhiteSpace(ExemptionClause), "exemptionClause", "entry.exemption-clause.only-exempt");
            errors.FailWhen(!string.IsNullOrWhiteSpace(ConsequenceTest), "consequenceTest", "entry.consequence-test.only-exempt");
        }
        return errors;
    }

    /// <summary>Only after validation found nothing.</summary>
    public EntryContent ToContent() => new(
        Title!.Trim(), Summary!.Trim(), Category!.Value, ResponsibleOfficial!.Trim(), Formats!.Distinct().Order().ToList(),
        RetentionPeriod!.Trim(), Year!.Value,
        Category == InformationCategory.Dikecualikan ? new Exemption(ExemptionClause!.Trim().ToLowerInvariant(), ConsequenceTest!.Trim()) : null);

}
