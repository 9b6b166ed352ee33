using System.Globalization;

namespace Humas.Portal.Api;

/// <summary>Calendar's API as the humas calendar desk calls it: a unit's agenda, its items and recurring items, what was missed, the roll-up.</summary>
public sealed partial class ConsoleApi
{
    public Task<ApiResult<CalendarAgenda>> GetCalendarAgendaAsync(string unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        CallAsync<CalendarAgenda>(HttpMethod.Get, $"/api/calendar/units/{Uri.EscapeDataString(unitId)}/agenda?from={Day(from)}&to={Day(to)}", null, null, ct);

    public Task<ApiResult<CalendarRollUp>> GetCalendarRollUpAsync(string unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        CallAsync<CalendarRollUp>(HttpMethod.Get, $"/api/calendar/roll-up?unitId={Uri.EscapeDataString(unitId)}&from={Day(from)}&to={Day(to)}", null, null, ct);

    public Task<ApiResult<CalendarMissed>> GetCalendarMissedAsync(string unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        CallAsync<CalendarMissed>(HttpMethod.Get, $"/api/calendar/missed?unitId={Uri.EscapeDataString(unitId)}&from={Day(from)}&to={Day(to)}", null, null, ct);

    public Task<ApiResult<CalendarItem>> GetCalendarItemAsync(Guid id, CancellationToken ct) =>
        CallAsync<CalendarItem>(HttpMethod.Get, $"/api/calendar/publications/{id}", null, null, ct);

    public Task<ApiResult<List<CalendarHistoryEntry>>> GetCalendarItemHistoryAsync(Guid id, CancellationToken ct) =>
        CallAsync<List<CalendarHistoryEntry>>(HttpMethod.Get, $"/api/calendar/publications/{id}/history", null, null, ct);

    public Task<ApiResult<CalendarItem>> PlanCalendarItemAsync(CalendarPlanBody body, string idempotencyKey, CancellationToken ct) =>
        CallAsync<CalendarItem>(HttpMethod.Post, "/api/calendar/publications", body, null, ct, idempotencyKey);

    public Task<ApiResult<CalendarItem>> EditCalendarItemAsync(Guid id, long version, CalendarContentBody body, CancellationToken ct) =>
        CallAsync<CalendarItem>(HttpMethod.Put, $"/api/calendar/publications/{id}", body, version, ct);

    /// <summary>To another local time, or into the unscheduled pool with <c>PlannedAt</c> null.</summary>
    public Task<ApiResult<CalendarItem>> RescheduleCalendarItemAsync(Guid id, long version, CalendarRescheduleBody body, CancellationToken ct) =>
        CallAsync<CalendarItem>(HttpMethod.Post, $"/api/calendar/publications/{id}/reschedule", body, version, ct);

    public Task<ApiResult<CalendarItem>> ChangeCalendarItemStatusAsync(Guid id, long version, CalendarStatusBody body, CancellationToken ct) =>
        CallAsync<CalendarItem>(HttpMethod.Post, $"/api/calendar/publications/{id}/status", body, version, ct);

    public Task<ApiResult<CalendarSeries>> CreateCalendarSeriesAsync(CalendarSeriesBody body, string idempotencyKey, CancellationToken ct) =>
        CallAsync<CalendarSeries>(HttpMethod.Post, "/api/calendar/series", body, null, ct, idempotencyKey);

    public Task<ApiResult<CalendarSeries>> GetCalendarSeriesAsync(Guid id, CancellationToken ct) =>
        CallAsync<CalendarSeries>(HttpMethod.Get, $"/api/calendar/series/{id}", null, null, ct);

    /// <summary>Skips one occurrence of a recurring item (If-Match with the occurrence's version as shown).</summary>
    public Task<ApiResult<CalendarItem>> SkipCalendarOccurrenceAsync(Guid seriesId, DateOnly date, long version, CancellationToken ct) =>
        CallAsync<CalendarItem>(HttpMethod.Post, $"/api/calendar/series/{seriesId}/occurrences/{Day(date)}/skip", new { }, version, ct);

    /// <summary>Ends a recurring item after a day (If-Match with the series' version): the occurrences planned after it are cancelled.</summary>
    public Task<ApiResult<CalendarSeriesEnded>> EndCalendarSeriesAsync(Guid seriesId, long version, CalendarSeriesEndBody body, CancellationToken ct) =>
        CallAsync<CalendarSeriesEnded>(HttpMethod.Post, $"/api/calendar/series/{seriesId}/end", body, version, ct);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An item as the calendar's views list it (kind, status and channels in their API names); times in the unit's zone.</summary>
public sealed record CalendarRow(Guid PublicationId, string UnitId, string Title, string Kind, string[] Channels, DateTimeOffset? PlannedAt, DateOnly? AgendaDate,
    string Status, string Owner, string Visibility, DateTimeOffset? PublishedAt, bool Late, bool Unplanned, Guid? SeriesId, long Version);

public sealed record CalendarObligation(Guid ObligationId, string UnitId, string Title, string Category, DateOnly DueDate, bool Overdue);

public sealed record CalendarStage(string ElectionId, string StageId, string NameId, string NameEn, DateOnly StartDate, DateOnly EndDate);

public sealed record CalendarHistoryEntry(long Version, string Event, DateTimeOffset At);

public sealed record CalendarAgenda(string UnitId, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<CalendarRow> Items,
    IReadOnlyList<CalendarStage>? Stages, IReadOnlyList<CalendarRow>? Unscheduled, IReadOnlyList<CalendarObligation>? Obligations);

public sealed record CalendarRollUpCounts(string UnitId, string Name, int Total, int Planned, int InProgress, int Published, int PublishedLate, int Missed, int Cancelled);

public sealed record CalendarRollUp(string UnitId, DateOnly From, DateOnly To, CalendarRollUpCounts Totals, IReadOnlyList<CalendarRollUpCounts> Units);

public sealed record CalendarMissed(string UnitId, DateOnly From, DateOnly To, IReadOnlyList<CalendarRow> Missed, IReadOnlyList<CalendarObligation> OverdueObligations);

/// <summary>One planned item as Calendar shows it; its version is the one a change names.</summary>
public sealed record CalendarItem(Guid PublicationId, string UnitId, string Title, string Kind, IReadOnlyList<string> Channels, DateTimeOffset? PlannedAt,
    string TimeZone, string Status, string Owner, string? Notes, string Visibility, DateTimeOffset? PublishedAt, string? Url, bool Late, bool Unplanned,
    Guid? SeriesId, long Version);

public record CalendarContentBody(string? Title, string? Kind, IReadOnlyList<string>? Channels, string? Owner, string? Notes, string? Visibility);

public sealed record CalendarPlanBody(string? UnitId, string? Title, string? Kind, IReadOnlyList<string>? Channels, string? PlannedAt, string? Owner, string? Notes,
    string? Visibility);

public sealed record CalendarRescheduleBody(string? PlannedAt, string? Reason);

public sealed record CalendarStatusBody(string? Status, string? Reason, string? Url);

public sealed record CalendarRule(string? Frequency, int? Interval, IReadOnlyList<string>? Weekdays, string? MonthlyOn, int? Day, DateOnly? Until, int? Count);

public sealed record CalendarSeriesBody(string? UnitId, string? Title, string? Kind, IReadOnlyList<string>? Channels, string? Notes, string? Visibility, string? Time,
    DateOnly? Start, CalendarRule? Rule);

public sealed record CalendarSeries(Guid SeriesId, string UnitId, string Title, string Time, string TimeZone, DateOnly Start, IReadOnlyList<CalendarRow> Occurrences,
    long Version);

public sealed record CalendarSeriesEndBody(DateOnly? LastDate, string? Reason);

public sealed record CalendarSeriesEnded(Guid SeriesId, long Version);
