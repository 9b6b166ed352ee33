namespace Humas.Ppid.Contracts;

/// <summary>
/// An administrator changed the working-day calendar deadlines are counted with: a day declared
/// non-working (a holiday decreed late, a cuti bersama) or one removed again. Other services that
/// count working days (Calendar's recurring items) apply the changes in the order of
/// <see cref="CalendarVersion"/>, so a message delivered twice or late changes nothing.
/// </summary>
public sealed record NonWorkingDayChanged
{
    /// <summary>The version of Ppid's calendar this change made: 1, 2, 3 … with no gaps.</summary>
    public required long CalendarVersion { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>True when the day became non-working; false when it was removed.</summary>
    public required bool NonWorking { get; init; }

    /// <summary>national-holiday or cuti-bersama, when the day became non-working.</summary>
    public string? Kind { get; init; }

    public string? NameId { get; init; }
    public string? NameEn { get; init; }

    /// <summary>The decree that set the day, when it became non-working.</summary>
    public string? Source { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }
}
