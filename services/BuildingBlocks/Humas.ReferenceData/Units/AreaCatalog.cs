namespace Humas.ReferenceData;

internal sealed record Province(string Code, string Name);

/// <summary>A kabupaten or kota; <see cref="Code"/> is the full Kemendagri code such as "33.21".</summary>
internal sealed record Regency(string Code, string ProvinceCode, string Name)
{
    public bool IsCity => Name.StartsWith("Kota ", StringComparison.Ordinal);
}

/// <summary>Provinces and regencies from the idn-area-data CSV files embedded at build time.</summary>
internal sealed record AreaCatalog(IReadOnlyList<Province> Provinces, IReadOnlyList<Regency> Regencies)
{
    public static AreaCatalog LoadEmbedded() =>
        Parse(EmbeddedData.ReadText("provinces.csv"), EmbeddedData.ReadText("regencies.csv"));

    public static AreaCatalog Parse(string provincesCsv, string regenciesCsv)
    {
        var provinces = CsvReader.ReadWithHeader(provincesCsv)
            .Select(row => new Province(Column(row, "code"), AreaNameCasing.Normalize(Column(row, "name"))))
            .ToList();
        var regencies = CsvReader.ReadWithHeader(regenciesCsv)
            .Select(row => new Regency(Column(row, "code"), Column(row, "province_code"), AreaNameCasing.Normalize(Column(row, "name"))))
            .ToList();

        var provinceCodes = provinces.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var orphan = regencies.FirstOrDefault(r => !provinceCodes.Contains(r.ProvinceCode) || !r.Code.StartsWith(r.ProvinceCode + ".", StringComparison.Ordinal));
        if (orphan is not null)
            throw new FormatException($"Regency {orphan.Code} ({orphan.Name}) does not belong to a listed province.");

        return new AreaCatalog(provinces, regencies);
    }

    private static string Column(IReadOnlyDictionary<string, string> row, string name) =>
        row.TryGetValue(name, out var value)
            ? value.Trim()
            : throw new FormatException($"The area CSV has no '{name}' column.");
}
