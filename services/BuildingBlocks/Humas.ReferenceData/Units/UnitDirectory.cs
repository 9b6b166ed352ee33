using System.Diagnostics.CodeAnalysis;

namespace Humas.ReferenceData;

/// <summary>Every KPU and Bawaslu unit: the two national bodies, one per province and one per regency.</summary>
public sealed class UnitDirectory
{
    private static readonly Lazy<UnitDirectory> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Unit> _unitsById;
    private readonly HashSet<string> _provinceCodes;
    private readonly HashSet<string> _regencyCodes;

    private UnitDirectory(IReadOnlyList<Unit> units, AreaCatalog areas)
    {
        All = units;
        _unitsById = units.ToDictionary(unit => unit.Id, StringComparer.Ordinal);
        _provinceCodes = areas.Provinces.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        _regencyCodes = areas.Regencies.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        ProvinceCount = areas.Provinces.Count;
        RegencyCount = areas.Regencies.Count;
        CityCount = areas.Regencies.Count(r => r.IsCity);
    }

    public IReadOnlyList<Unit> All { get; }

    public int ProvinceCount { get; }

    /// <summary>Kabupaten and kota together.</summary>
    public int RegencyCount { get; }

    public int CityCount { get; }

    public static UnitDirectory Load() => Embedded.Value;

    internal static UnitDirectory Build(AreaCatalog areas, ProvinceTimeZones zones) =>
        new(UnitDirectoryBuilder.BuildUnits(areas, zones), areas);

    public bool TryFind(string id, [MaybeNullWhen(false)] out Unit unit) => _unitsById.TryGetValue(id, out unit);

    public Unit? Find(string id) => _unitsById.GetValueOrDefault(id);

    /// <summary>The unit itself and every unit of the same institution beneath it; empty for an unknown id.</summary>
    public IEnumerable<Unit> Below(string unitId)
    {
        if (Find(unitId) is not { } top)
            return [];
        return All.Where(unit => unit.Institution == top.Institution && top.Level switch
        {
            UnitLevel.National => true,
            UnitLevel.Province => unit.ProvinceCode == top.ProvinceCode,
            _ => unit.Id == top.Id,
        });
    }

    public bool Oversees(string officerUnitId, string targetUnitId) =>
        _unitsById.ContainsKey(targetUnitId) && Below(officerUnitId).Any(unit => unit.Id == targetUnitId);

    /// <summary>Checks the first two digits of a NIK.</summary>
    public bool IsKnownProvinceCode(string twoDigits) => _provinceCodes.Contains(twoDigits);

    /// <summary>Checks digits 1-4 of a NIK, e.g. ("33", "21") for Kabupaten Demak.</summary>
    public bool IsKnownRegencyCode(string provinceTwoDigits, string regencyTwoDigits) =>
        _regencyCodes.Contains($"{provinceTwoDigits}.{regencyTwoDigits}");

    private static UnitDirectory LoadEmbedded() => Build(AreaCatalog.LoadEmbedded(), ProvinceTimeZones.LoadEmbedded());
}
