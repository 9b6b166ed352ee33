namespace Humas.ReferenceData;

public enum Institution
{
    Kpu,
    Bawaslu,
}

public enum UnitLevel
{
    National,
    Province,

    /// <summary>Kabupaten or kota.</summary>
    Regency,
}

/// <summary>
/// An institution at one level of the administrative hierarchy, e.g. <c>kpu</c>,
/// <c>bawaslu-61</c> or <c>kpu-33.21</c>. <see cref="ProvinceCode"/> is the two-digit
/// Kemendagri code ("33"); <see cref="RegencyCode"/> is the full regency code ("33.21").
/// </summary>
public sealed record Unit(
    string Id,
    Institution Institution,
    UnitLevel Level,
    string Name,
    string? ProvinceCode,
    string? RegencyCode,
    IndonesianTimeZone TimeZone,
    string? ParentId);
