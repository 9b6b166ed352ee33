using Humas.ReferenceData;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Humas.Calendar.Feeds;

/// <summary>
/// Writes a unit's calendar as iCalendar (RFC 5545) with Ical.Net. Timed items are written in
/// UTC, so every program places them right whatever its own zone (a 10:00 WIT item is 01:00Z);
/// their description names the local time in the unit's zone. Stages, obligations and request
/// due dates are all-day dates. UIDs derive from the item's id, so an item keeps its UID across
/// refreshes and edits (SEQUENCE is its version); DTSTAMP is its last change, so the same data
/// always renders the same bytes (and the same ETag).
/// </summary>
public static class FeedRenderer
{
    public const string UidDomain = "calendar.humas";
    public const string ContentType = "text/calendar; charset=utf-8";

    public sealed record Item(Guid Id, string Title, string Kind, string[] Channels, DateTimeOffset PlannedAt, string Status, string? Notes, DateTimeOffset UpdatedAt,
        long Version, string? Url);

    public sealed record StageItem(string ElectionId, string ElectionName, string StageId, string Name, DateOnly Start, DateOnly End, string? Source);

    public sealed record DueDate(string Uid, string Summary, DateOnly Date, string? Description);

    public sealed record Content(string Name, IndonesianTimeZone Zone, IReadOnlyList<Item> Items, IReadOnlyList<StageItem> Stages, IReadOnlyList<DueDate> DueDates);

    /// <summary>How long a timed item lasts on the calendar when it has no end of its own.</summary>
    public static readonly TimeSpan ItemLength = TimeSpan.FromHours(1);

    public static string Render(Content content)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Humas//Kalender Publikasi//ID" };
        calendar.AddProperty("X-WR-CALNAME", content.Name);
        calendar.AddProperty("X-WR-TIMEZONE", content.Zone.IanaId);
        foreach (var item in content.Items) calendar.Events.Add(Event(item, content.Zone));
        foreach (var stage in content.Stages)
            calendar.Events.Add(AllDay($"{stage.ElectionId}.{stage.StageId}@{UidDomain}", $"{stage.ElectionName}: {stage.Name}", stage.Start, stage.End,
                stage.Source is null ? null : $"Sumber: {stage.Source}", "TAHAPAN"));
        foreach (var due in content.DueDates) calendar.Events.Add(AllDay(due.Uid, due.Summary, due.Date, due.Date, due.Description, "TENGGAT"));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(Item item, IndonesianTimeZone zone)
    {
        var start = item.PlannedAt.UtcDateTime;
        var local = zone.ToLocal(item.PlannedAt);
        var e = new CalendarEvent
        {
            Uid = $"{item.Id}@{UidDomain}",
            Summary = item.Title,
            DtStart = new CalDateTime(start, "UTC"),
            DtEnd = new CalDateTime(start + ItemLength, "UTC"),
            DtStamp = new CalDateTime(item.UpdatedAt.UtcDateTime, "UTC"),
            LastModified = new CalDateTime(item.UpdatedAt.UtcDateTime, "UTC"),
            Sequence = (int)Math.Min(item.Version, int.MaxValue),
            Status = item.Status switch { "cancelled" => "CANCELLED", "planned" => "TENTATIVE", _ => "CONFIRMED" },
            Description = string.Join("\n", new[]
            {
                $"{local:yyyy-MM-dd HH:mm} {zone.Abbreviation}", $"Jenis: {item.Kind}", $"Kanal: {string.Join(", ", item.Channels)}", $"Status: {item.Status}", item.Notes,
            }.Where(line => !string.IsNullOrEmpty(line))),
        };
        e.Categories = [item.Kind.ToUpperInvariant(), .. item.Channels.Select(c => c.ToUpperInvariant())];
        if (item.Url is not null && Uri.TryCreate(item.Url, UriKind.Absolute, out var url)) e.Url = url;
        return e;
    }

    private static CalendarEvent AllDay(string uid, string summary, DateOnly start, DateOnly end, string? description, string category) => new()
    {
        Uid = uid,
        Summary = summary,
        DtStart = new CalDateTime(start),
        // DTEND of an all-day event is exclusive: the day after the last.
        DtEnd = new CalDateTime(end.AddDays(1)),
        DtStamp = new CalDateTime(start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "UTC"),
        Description = description,
        Categories = [category],
        Transparency = "TRANSPARENT",
    };
}
