namespace Humas.ReferenceData;

/// <summary>
/// The parts of the deadline count a rule set may change. Whether cuti bersama stops the
/// count is not settled by any source found, so it is a setting that defaults to non-working.
/// </summary>
public sealed record WorkingDayRules(TimeOnly OfficeOpens, TimeOnly OfficeCloses, bool CutiBersamaIsNonWorking)
{
    public static WorkingDayRules Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(16, 0), CutiBersamaIsNonWorking: true);

    internal void EnsureValid()
    {
        if (OfficeOpens >= OfficeCloses)
            throw new ArgumentException($"The office must open ({OfficeOpens}) before it closes ({OfficeCloses}).");
    }
}
