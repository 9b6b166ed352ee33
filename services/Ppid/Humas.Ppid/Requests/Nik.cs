using Humas.ReferenceData;

namespace Humas.Ppid.Requests;

/// <summary>
/// The format of a Nomor Induk Kependudukan: 16 digits, PPKKCC DDMMYY SSSS, where PP is a
/// province code, KK a regency and CC a district within it, DD the day of birth (plus 40 for
/// women), MM the month, YY the year, SSSS a serial that is never 0000.
/// The regency digits are not checked against today's list of regencies: NIKs issued before a
/// region was split keep the code of the old regency (the 2022 Papua provinces, for one).
/// </summary>
public static class Nik
{
    /// <summary>The text code of what is wrong with the NIK, or null when it is plausible.</summary>
    public static string? Problem(string? nik, UnitDirectory units)
    {
        if (string.IsNullOrWhiteSpace(nik)) return "request.nik.required";
        if (nik.Length != 16 || !nik.All(char.IsAsciiDigit)) return "request.nik.format";
        if (!units.IsKnownProvinceCode(nik[..2])) return "request.nik.province-unknown";
        if (nik[2..4] == "00" || nik[4..6] == "00") return "request.nik.area-invalid";
        var day = int.Parse(nik[6..8]);
        if (day is < 1 or > 31 and < 41 or > 71) return "request.nik.birth-day-invalid";
        var month = int.Parse(nik[8..10]);
        if (month is < 1 or > 12) return "request.nik.birth-month-invalid";
        if (nik[12..] == "0000") return "request.nik.serial-invalid";
        return null;
    }

    /// <summary>For officers' screens: the first six and last two digits hidden.</summary>
    public static string Mask(string nik) => nik.Length == 16 ? $"{new string('*', 6)}{nik[6..14]}**" : "****";
}
