namespace Humas.ReferenceData;

public enum NonWorkingDayKind
{
    NationalHoliday,
    CutiBersama,
}

/// <summary>A national holiday or cuti bersama day, named in Indonesian and English, with the decree that set it.</summary>
public sealed record NonWorkingDay(DateOnly Date, NonWorkingDayKind Kind, string NameId, string NameEn, string Source);
