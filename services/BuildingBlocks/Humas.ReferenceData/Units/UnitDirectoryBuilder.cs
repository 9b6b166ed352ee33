namespace Humas.ReferenceData;

internal static class UnitDirectoryBuilder
{
    public static IReadOnlyList<Unit> BuildUnits(AreaCatalog areas, ProvinceTimeZones zones)
    {
        var provincesByCode = areas.Provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        // Resolve every zone first so that a province missing from time-zones.json fails the load.
        var zoneByProvince = areas.Provinces.ToDictionary(p => p.Code, p => zones.ZoneOf(p.Code, p.Name), StringComparer.Ordinal);

        var units = new List<Unit>();
        foreach (var institution in Enum.GetValues<Institution>())
        {
            var nationalId = UnitNaming.NationalId(institution);
            units.Add(new Unit(nationalId, institution, UnitLevel.National, UnitNaming.NationalName(institution),
                ProvinceCode: null, RegencyCode: null, zones.NationalZone, ParentId: null));

            foreach (var province in areas.Provinces)
            {
                units.Add(new Unit(UnitNaming.ProvinceId(institution, province.Code), institution, UnitLevel.Province,
                    UnitNaming.ProvinceName(institution, province), province.Code, RegencyCode: null,
                    zoneByProvince[province.Code], nationalId));
            }

            foreach (var regency in areas.Regencies)
            {
                var province = provincesByCode[regency.ProvinceCode];
                units.Add(new Unit(UnitNaming.RegencyId(institution, regency.Code), institution, UnitLevel.Regency,
                    UnitNaming.RegencyName(institution, regency), province.Code, regency.Code,
                    zoneByProvince[province.Code], UnitNaming.ProvinceId(institution, province.Code)));
            }
        }
        return units;
    }
}
