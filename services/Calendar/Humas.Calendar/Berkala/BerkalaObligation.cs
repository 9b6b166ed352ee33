namespace Humas.Calendar.Berkala;

/// <summary>A DIP entry was published for the first time: its unit must publish it again by the due date.</summary>
public sealed record BerkalaObligationStarted(Guid ObligationId, string UnitId, string Title, string Category, DateTimeOffset PublishedAt, DateOnly DueDate);

/// <summary>Published again: the obligation for the previous due date is met (on time or late) and the next period begins.</summary>
public sealed record BerkalaObligationRenewed(string UnitId, string Title, string Category, DateTimeOffset PublishedAt, DateOnly PreviousDueDate, DateOnly DueDate, bool MetLate);

public sealed record BerkalaObligationCameDue(string UnitId, string Title, string Category, DateOnly DueDate, DateTimeOffset At);

public sealed record BerkalaObligationBecameOverdue(string UnitId, string Title, string Category, DateOnly DueDate, DateTimeOffset At);

/// <summary>One unit's obligation to publish a piece of periodic information again, folded from its events.</summary>
public sealed record BerkalaObligation(
    Guid Id, string UnitId, string Title, string Category, DateTimeOffset LastPublishedAt, DateOnly DueDate, bool DueNoticed, bool Overdue)
{
    public const string StreamType = "berkala-obligation";

    public static BerkalaObligation Initial { get; } = new(Guid.Empty, "", "", "", default, default, false, false);

    public static string StreamId(Guid obligationId) => $"berkala-{obligationId}";

    public static BerkalaObligation Evolve(BerkalaObligation state, object @event) => @event switch
    {
        BerkalaObligationStarted e => new BerkalaObligation(e.ObligationId, e.UnitId, e.Title, e.Category, e.PublishedAt, e.DueDate, false, false),
        BerkalaObligationRenewed e => state with { LastPublishedAt = e.PublishedAt, DueDate = e.DueDate, DueNoticed = false, Overdue = false },
        BerkalaObligationCameDue => state with { DueNoticed = true },
        BerkalaObligationBecameOverdue => state with { DueNoticed = true, Overdue = true },
        _ => state,
    };
}

/// <summary>
/// How long each category of information may go without being published again, and how early
/// an obligation is announced as due. Berkala information at least every six months (UU 14/2008
/// Pasal 9 ayat (4)); set per category in Humas:Calendar:Berkala:PeriodMonths.
/// </summary>
public sealed record BerkalaRules(IReadOnlyDictionary<string, int> PeriodMonths, int DueNoticeDays)
{
    public static BerkalaRules Default { get; } = new(new Dictionary<string, int> { ["berkala"] = 6 }, 14);

    public static BerkalaRules From(IConfiguration configuration)
    {
        var periods = new Dictionary<string, int>(Default.PeriodMonths, StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection("Humas:Calendar:Berkala:PeriodMonths").GetChildren())
            if (int.TryParse(child.Value, out var months) && months > 0) periods[child.Key] = months;
        return new BerkalaRules(periods, configuration.GetValue("Humas:Calendar:Berkala:DueNoticeDays", Default.DueNoticeDays));
    }

    public int? PeriodOf(string category) => PeriodMonths.TryGetValue(category, out var months) ? months : null;
}
