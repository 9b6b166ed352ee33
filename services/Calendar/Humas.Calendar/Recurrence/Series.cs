using Humas.Calendar.Publications;

namespace Humas.Calendar.Recurrence;

/// <summary>A recurring item was set up: its template, its local time and its rule, from its first date.</summary>
public sealed record SeriesStarted(Guid SeriesId, string UnitId, PublicationContent Template, TimeOnly Time, DateOnly Start, RecurrenceRule Rule);

/// <summary>An officer ended a recurring item: nothing falls after <see cref="LastDate"/> any more.</summary>
public sealed record SeriesEnded(DateOnly LastDate, string? Reason, DateTimeOffset At);

/// <summary>
/// A recurring item of a unit, folded from its events. Its occurrences are planned items of their
/// own (generated ahead for a window), each changed or skipped on its own.
/// </summary>
public sealed record Series(Guid Id, string UnitId, PublicationContent Template, TimeOnly Time, DateOnly Start, RecurrenceRule Rule)
{
    public const string StreamType = "series";

    public static Series Initial { get; } = new(Guid.Empty, "", Publication.Initial.Content, default, default,
        new RecurrenceRule(Frequency.Weekly, 1, [], null, null, null, 1));

    public static string StreamId(Guid id) => $"series-{id}";

    /// <summary>The occurrence of a date always has the same publication id, so generating twice finds it there.</summary>
    public static Guid OccurrenceId(Guid seriesId, DateOnly date) => DeterministicId.From($"series:{seriesId}:{date:yyyy-MM-dd}");

    public static Series Evolve(Series state, object @event) => @event switch
    {
        SeriesStarted e => new Series(e.SeriesId, e.UnitId, e.Template, e.Time, e.Start, e.Rule),
        SeriesEnded e => state with { Rule = state.Rule with { Until = state.Rule.Until is { } until && until < e.LastDate ? until : e.LastDate } },
        _ => state,
    };
}
