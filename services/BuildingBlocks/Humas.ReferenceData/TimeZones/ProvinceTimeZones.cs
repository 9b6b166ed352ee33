using System.Text.Json;

namespace Humas.ReferenceData;

/// <summary>The legal time zone of each province, read from Data/time-zones.json.</summary>
internal sealed class ProvinceTimeZones
{
    private readonly IReadOnlyDictionary<string, IndonesianTimeZone> _zoneByProvinceCode;

    private ProvinceTimeZones(IReadOnlyDictionary<string, IndonesianTimeZone> zoneByProvinceCode, IndonesianTimeZone nationalZone)
    {
        _zoneByProvinceCode = zoneByProvinceCode;
        NationalZone = nationalZone;
    }

    public IndonesianTimeZone NationalZone { get; }

    public static ProvinceTimeZones LoadEmbedded() => Parse(EmbeddedData.ReadText("time-zones.json"));

    public static ProvinceTimeZones Parse(string json)
    {
        var file = JsonSerializer.Deserialize<TimeZoneFile>(json, JsonSerializerOptions.Web)
            ?? throw new FormatException("time-zones.json is empty.");
        var zones = new Dictionary<string, IndonesianTimeZone>(StringComparer.Ordinal);
        foreach (var province in file.Provinces)
        {
            if (!zones.TryAdd(province.Code, IndonesianTimeZone.FromAbbreviation(province.Zone)))
                throw new FormatException($"time-zones.json lists province {province.Code} twice.");
        }
        return new ProvinceTimeZones(zones, IndonesianTimeZone.FromAbbreviation(file.NationalUnitsZone));
    }

    /// <summary>Fails loudly: a unit with no zone would get its deadlines counted in the wrong local day.</summary>
    public IndonesianTimeZone ZoneOf(string provinceCode, string provinceName) =>
        _zoneByProvinceCode.TryGetValue(provinceCode, out var zone)
            ? zone
            : throw new InvalidOperationException(
                $"Province {provinceCode} ({provinceName}) has no time zone in time-zones.json; add it with its source.");

    private sealed record TimeZoneFile(string Source, string NationalUnitsZone, IReadOnlyList<ProvinceZoneEntry> Provinces);

    private sealed record ProvinceZoneEntry(string Code, string Name, string Zone, string Note);
}
