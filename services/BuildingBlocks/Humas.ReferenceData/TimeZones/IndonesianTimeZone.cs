namespace Humas.ReferenceData;

/// <summary>
/// One of Indonesia's three legal time zones. Indonesia keeps no daylight saving time, so a
/// fixed offset is exact and nothing depends on the host's time-zone database; the IANA id
/// is kept for display and calendar exports.
/// </summary>
public sealed record IndonesianTimeZone(string Abbreviation, string IanaId, TimeSpan UtcOffset)
{
    public static IndonesianTimeZone Wib { get; } = new("WIB", "Asia/Jakarta", TimeSpan.FromHours(7));
    public static IndonesianTimeZone Wita { get; } = new("WITA", "Asia/Makassar", TimeSpan.FromHours(8));
    public static IndonesianTimeZone Wit { get; } = new("WIT", "Asia/Jayapura", TimeSpan.FromHours(9));

    public static IReadOnlyList<IndonesianTimeZone> All { get; } = [Wib, Wita, Wit];

    public static IndonesianTimeZone FromAbbreviation(string abbreviation) =>
        All.FirstOrDefault(zone => string.Equals(zone.Abbreviation, abbreviation, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"'{abbreviation}' is not an Indonesian time zone (WIB, WITA or WIT).", nameof(abbreviation));

    public DateTimeOffset ToLocal(DateTimeOffset moment) => moment.ToOffset(UtcOffset);

    public override string ToString() => Abbreviation;
}
