using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Npgsql;

namespace Humas.Calendar.WorkingDays;

/// <summary>
/// The working days recurring items fall on: the shipped holiday data plus every change Ppid's
/// administrators made to it (<see cref="NonWorkingDayChangedConsumer"/>), the same calendar Ppid
/// counts deadlines with. Rebuilt only when a change arrived since the last look.
/// </summary>
public sealed class CalendarWorkingDays(NpgsqlDataSource dataSource)
{
    private readonly WorkingDayCalendar shipped = WorkingDayCalendar.LoadDefault();
    private (long Version, WorkingDayCalendar Calendar) cached = (0, WorkingDayCalendar.LoadDefault());

    private sealed record Change(long CalendarVersion, DateOnly Date, bool NonWorking, string? Kind, string? NameId, string? NameEn, string? Source);

    public async Task<WorkingDayCalendar> CurrentAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(calendar_version), 0) FROM working_day_changes", cancellationToken: ct));
        var current = cached;
        if (current.Version == version) return current.Calendar;
        var calendar = await BuildAsync(connection, null, ct);
        cached = (version, calendar);
        return calendar;
    }

    /// <summary>The calendar as this transaction sees it (with a change it has just recorded).</summary>
    public async Task<WorkingDayCalendar> BuildAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var changes = await connection.QueryAsync<Change>(new CommandDefinition("""
            SELECT calendar_version, date, non_working, kind, name_id, name_en, source
            FROM working_day_changes ORDER BY calendar_version
            """, transaction: transaction, cancellationToken: ct));
        return changes.Aggregate(shipped, (c, change) =>
            change.NonWorking && KebabNames.Parse<NonWorkingDayKind>(change.Kind) is { } kind
                ? c.WithNonWorkingDay(new NonWorkingDay(change.Date, kind, change.NameId ?? "", change.NameEn ?? change.NameId ?? "", change.Source ?? ""))
                : change.NonWorking ? c : c.WithoutNonWorkingDay(change.Date));
    }
}
