namespace Humas.Portal.Pages.Shared;

/// <summary>A service's feeds of one page (a unit's, or national), each linked as an alternate in the head and visibly in the page.</summary>
public sealed record FeedLinks(string BasePath, string? UnitId, IReadOnlyList<(string Format, string MediaType, string Name)> Formats)
{
    public static FeedLinks Clarifications(string? unitId) => new("/api/clarifications/feeds", unitId,
        [("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"), ("json", "application/feed+json", "JSON Feed")]);

    public static FeedLinks Releases(string? unitId) => new("/api/media/feeds", unitId,
        [("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"), ("json", "application/feed+json", "JSON Feed"), ("ninjs", "application/json", "ninjs")]);

    public string Href(string format) => $"{BasePath}/{format}{(UnitId is null ? "" : $"?unitId={Uri.EscapeDataString(UnitId)}")}";
}
