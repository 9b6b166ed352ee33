using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Humas.ServiceDefaults.Problems;

namespace Humas.Calendar.Elections;

/// <summary>A stage as an administrator writes it. Ids are lower-case slugs (<c>voting</c>, <c>pemilu-2029</c>).</summary>
public sealed partial record StageBody([property: MaxLength(60)] string? StageId, [property: MaxLength(300)] string? NameId, [property: MaxLength(300)] string? NameEn, DateOnly? Start, DateOnly? End, [property: MaxLength(500)] string? Source)
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public void Validate(Validation errors, string prefix)
    {
        Slug(errors, StageId, $"{prefix}stageId");
        errors.Text(NameId, $"{prefix}nameId", 300);
        errors.Text(NameEn, $"{prefix}nameEn", 300, required: false);
        errors.Text(Source, $"{prefix}source", 500, required: false);
        Dates(errors, Start, End, prefix);
    }

    public static void Dates(Validation errors, DateOnly? start, DateOnly? end, string prefix = "")
    {
        if (start is null) errors.Add($"{prefix}start", "field.required", $"{prefix}start");
        else errors.FailWhen(start < Earliest || start > Latest, $"{prefix}start", "field.date-out-of-range", $"{prefix}start", Earliest.Year, Latest.Year);
        if (end is null) errors.Add($"{prefix}end", "field.required", $"{prefix}end");
        else errors.FailWhen(end < Earliest || end > Latest, $"{prefix}end", "field.date-out-of-range", $"{prefix}end", Earliest.Year, Latest.Year);
        if (start is { } s && end is { } e) errors.FailWhen(e < s, $"{prefix}end", "election.stage.ends-before-start");
    }

    public static void Slug(Validation errors, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "field.required", field);
        else errors.FailWhen(value.Length > 60 || !SlugPattern().IsMatch(value), field, "election.id.invalid", field);
    }

    /// <summary>Only after validation found nothing.</summary>
    public Stage ToStage() => new(StageId!, NameId!.Trim(), string.IsNullOrWhiteSpace(NameEn) ? NameId!.Trim() : NameEn.Trim(), Start!.Value, End!.Value,
        string.IsNullOrWhiteSpace(Source) ? null : Source.Trim());

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
