namespace Humas.ReferenceData;

/// <summary>How unit ids and display names are formed.</summary>
internal static class UnitNaming
{
    public static string IdPrefix(Institution institution) => institution switch
    {
        Institution.Kpu => "kpu",
        Institution.Bawaslu => "bawaslu",
        _ => throw new ArgumentOutOfRangeException(nameof(institution), institution, null),
    };

    public static string DisplayPrefix(Institution institution) => institution switch
    {
        Institution.Kpu => "KPU",
        Institution.Bawaslu => "Bawaslu",
        _ => throw new ArgumentOutOfRangeException(nameof(institution), institution, null),
    };

    public static string NationalId(Institution institution) => IdPrefix(institution);

    public static string ProvinceId(Institution institution, string provinceCode) => $"{IdPrefix(institution)}-{provinceCode}";

    public static string RegencyId(Institution institution, string regencyCode) => $"{IdPrefix(institution)}-{regencyCode}";

    public static string NationalName(Institution institution) => $"{DisplayPrefix(institution)} RI";

    // Aceh's bodies are formally KIP Aceh and Panwaslih Aceh; one naming pattern keeps labels
    // predictable across all provinces.
    public static string ProvinceName(Institution institution, Province province) =>
        $"{DisplayPrefix(institution)} Provinsi {province.Name}";

    // The regency name already says "Kabupaten" or "Kota".
    public static string RegencyName(Institution institution, Regency regency) =>
        $"{DisplayPrefix(institution)} {regency.Name}";
}
