using Humas.ReferenceData;

namespace Humas.Ppid.Deadlines;

/// <summary>
/// The rule set a PPID desk counts with. Defaults follow UU 14/2008 and the practice in
/// DOMAIN facts; each can be set in configuration (Humas:Ppid:Rules).
/// </summary>
public sealed record PpidRules
{
    public WorkingDayRules WorkingDays { get; init; } = WorkingDayRules.Default;

    /// <summary>Whether waiting for the requester's clarification stops the clock. Not settled in law: off by default.</summary>
    public bool PauseClockDuringClarification { get; init; }

    public static PpidRules Default { get; } = new();
}

/// <summary>The legal periods of UU 14/2008, in working days. A change in the law is a change here only.</summary>
public static class LegalPeriods
{
    /// <summary>Written answer, Pasal 22(7).</summary>
    public const int Answer = 10;

    /// <summary>The one extension, Pasal 22(8).</summary>
    public const int MaxExtension = 7;

    /// <summary>Filing an objection after its grounds arise, Pasal 35–36.</summary>
    public const int ObjectionFiling = 30;

    /// <summary>The atasan PPID's written decision, Pasal 36.</summary>
    public const int ObjectionDecision = 30;

    /// <summary>Filing a dispute with the Komisi Informasi after the decision or its deadline, Pasal 37.</summary>
    public const int DisputeFiling = 14;

    /// <summary>The Komisi Informasi settles a dispute within 100 working days (Pasal 38(2) UU 14/2008).</summary>
    public const int DisputeSettlement = 100;

    /// <summary>A dispute over election information is settled within 14 working days (Perki 1/2019).</summary>
    public const int ElectionDisputeSettlement = 14;

    public static int Of(DeadlineRule rule) => rule switch
    {
        DeadlineRule.Answer => Answer,
        DeadlineRule.Extension => MaxExtension,
        DeadlineRule.ObjectionFiling => ObjectionFiling,
        DeadlineRule.ObjectionDecision => ObjectionDecision,
        DeadlineRule.DisputeFiling => DisputeFiling,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}

public enum DeadlineRule { Answer, Extension, ObjectionFiling, ObjectionDecision, DisputeFiling }
