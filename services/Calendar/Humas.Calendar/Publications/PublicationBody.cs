using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;

namespace Humas.Calendar.Publications;

/// <summary>The fields of a planned item an officer writes, for planning and for editing in place.</summary>
public record ContentBody(
    [property: MaxLength(300)] string? Title, ContentKind? Kind, IReadOnlyList<Channel>? Channels, [property: MaxLength(200)] string? Owner, StageRef? Stage, [property: MaxLength(4000)] string? Notes, Visibility? Visibility,
    [property: MaxLength(200)] string? ContentRef)
{
    public Validation ValidateContent()
    {
        var errors = new Validation()
            .Text(Title, "title", 300)
            .Text(Owner, "owner", 200, required: false)
            .Text(Notes, "notes", 4000, required: false)
            .Text(ContentRef, "contentRef", 200, required: false);
        if (Kind is null) errors.Add("kind", "field.required", "kind");
        if (Channels is null || Channels.Count == 0) errors.Add("channels", "publication.channels.required");
        if (Stage is not null)
        {
            errors.Text(Stage.ElectionId, "stage.electionId", 60);
            errors.Text(Stage.StageId, "stage.stageId", 60);
        }
        return errors;
    }

    /// <summary>Only after validation found nothing. The owner defaults to whoever writes it.</summary>
    public PublicationContent ToContent(string? caller) => new(
        Title!.Trim(), Kind!.Value, Channels!.Distinct().Order().ToList(), string.IsNullOrWhiteSpace(Owner) ? caller ?? "" : Owner.Trim(),
        Stage is null ? null : new StageRef(Stage.ElectionId.Trim(), Stage.StageId.Trim()), string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        Visibility ?? Publications.Visibility.Internal, string.IsNullOrWhiteSpace(ContentRef) ? null : ContentRef.Trim());
}

/// <summary>A new planned item: its unit and, unless it goes to the unscheduled pool, its local date and time.</summary>
public sealed record PlanBody(
    [property: MaxLength(40)] string? UnitId, string? Title, ContentKind? Kind, IReadOnlyList<Channel>? Channels, [property: MaxLength(40)] string? PlannedAt, string? Owner, StageRef? Stage,
    string? Notes, Visibility? Visibility, string? ContentRef)
    : ContentBody(Title, Kind, Channels, Owner, Stage, Notes, Visibility, ContentRef);

/// <summary>
/// A planned time as officers write it: the unit's local date and time (<c>2026-03-02T10:00</c>,
/// read in the unit's WIB, WITA or WIT), or a moment with its offset.
/// </summary>
public static class PlannedTime
{
    public const int EarliestYear = 2000;
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>Null text is no time (the unscheduled pool); text that is no time adds an error to <paramref name="errors"/>.</summary>
    public static DateTimeOffset? Parse(string? text, IndonesianTimeZone zone, int currentYear, Validation errors, string field = "plannedAt")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        DateTimeOffset? moment = null;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            moment = new DateTimeOffset(local, zone.UtcOffset);
        else if (text.Length > 16 && (text.EndsWith('Z') || text[^6] is '+' or '-')
                 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            moment = withOffset.ToOffset(zone.UtcOffset);
        if (moment is null)
        {
            errors.Add(field, "publication.planned-at.invalid", field);
            return null;
        }
        if (moment.Value.Year < EarliestYear || moment.Value.Year > currentYear + 5)
        {
            errors.Add(field, "field.date-out-of-range", field, EarliestYear, currentYear + 5);
            return null;
        }
        return moment;
    }
}
