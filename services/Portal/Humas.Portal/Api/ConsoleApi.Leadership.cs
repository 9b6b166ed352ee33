namespace Humas.Portal.Api;

/// <summary>The leadership view's calls beyond Ppid's annual figures: the Calendar's publication figures and the Clarifications' response times.</summary>
public sealed partial class ConsoleApi
{
    /// <summary>Per unit beneath <paramref name="unitId"/> (those with anything to count): publications on time, late, missed; berkala obligations met or overdue.</summary>
    public Task<ApiResult<CalendarFigures>> GetCalendarFiguresAsync(string unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        CallAsync<CalendarFigures>(HttpMethod.Get, $"/api/calendar/figures?unitId={Uri.EscapeDataString(unitId)}&from={Day(from)}&to={Day(to)}", null, null, ct);

    /// <summary>Reports, cases and time to clarification of a unit together with the units under it, for a period.</summary>
    public Task<ApiResult<ClarificationFigures>> GetClarificationFiguresAsync(string unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        CallAsync<ClarificationFigures>(HttpMethod.Get, $"/api/clarifications/statistics?unitId={Uri.EscapeDataString(unitId)}&from={Day(from)}&to={Day(to)}", null, null, ct);

}

public sealed record UnitPublicationFigures(string UnitId, string Name, int PublishedOnTime, int PublishedLate, int Missed, int Open, int Cancelled, int Unplanned,
    int ObligationsMetOnTime, int ObligationsMetLate, int ObligationsOverdue, int ObligationsPending);

public sealed record CalendarFigures(string UnitId, DateOnly From, DateOnly To, IReadOnlyList<UnitPublicationFigures> Units);

public sealed record TrackResponseTime(string Track, string Label, long Published, double MedianHours, double P90Hours);

public sealed record ClarificationFigures(string? UnitId, DateOnly From, DateOnly To, long ReportsReceived, long Cases, long CasesPastTarget, long Resurfacing,
    long Published, IReadOnlyList<TrackResponseTime> TimeToClarification);
