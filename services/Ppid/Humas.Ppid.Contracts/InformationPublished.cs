namespace Humas.Ppid.Contracts;

/// <summary>
/// An entry of a unit's list of public information (DIP) was published. Exempt entries are
/// recorded, not published, and do not raise this. Carries no personal data.
/// </summary>
public sealed record InformationPublished
{
    public required Guid EntryId { get; init; }
    public required string UnitId { get; init; }
    public required string Title { get; init; }

    /// <summary>berkala, serta-merta or setiap-saat.</summary>
    public required string Category { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>Where the document can be read, when it is online.</summary>
    public string? Url { get; init; }
}
