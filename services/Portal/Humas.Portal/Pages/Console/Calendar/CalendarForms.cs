using System.Net;
using Humas.Portal.Api;

namespace Humas.Portal.Pages.Console.Calendar;

/// <summary>The choices the calendar's forms offer, by their API names (texts under <c>console.calendar.</c>).</summary>
public static class CalendarChoices
{
    public static readonly string[] Kinds = ["press-release", "clarification", "dip-information", "social-media-post", "event-coverage", "other"];
    public static readonly string[] Channels = ["website", "instagram", "x", "facebook", "youtube", "tiktok", "press"];
    public static readonly string[] Visibilities = ["internal", "public"];
    public static readonly string[] StatusTargets = ["in-progress", "published", "missed", "cancelled"];
    public static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    public static readonly string[] MonthlyOn = ["day", "first-working-day", "last-working-day"];

    /// <summary>A field the page itself refuses before asking the service, shown like the service's refusals.</summary>
    public static ApiResult<T> FieldRefused<T>(string field, string message) =>
        new(default, new Problem(null, null, 400, null, new Dictionary<string, string[]> { [field] = [message] }), HttpStatusCode.BadRequest);

    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Only the known values of a multiple choice; null when none was ticked, so the service names the field.</summary>
    public static List<string>? Picked(IEnumerable<string>? picked, string[] known)
    {
        var chosen = (picked ?? []).Where(known.Contains).Distinct().ToList();
        return chosen.Count == 0 ? null : chosen;
    }
}

/// <summary>What an item's fields are in a form: kept as typed when the service refuses them.</summary>
public class ContentForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public List<string> Channels { get; set; } = [];
    public string? Owner { get; set; }
    public string? Notes { get; set; }
    public string? Visibility { get; set; }
}

/// <summary>What the shared fields of an item's form need: the form's name prefix, an id prefix unique on the page, its values and its refusals by field.</summary>
public sealed record ContentFields(string Prefix, string Id, ContentForm Form, Func<string, IReadOnlyList<string>> Errors);
