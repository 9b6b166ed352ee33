using Dapper;
using Humas.Calendar.Publications;
using Humas.Calendar.Recurrence;
using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using Humas.Ppid.Contracts;
using Humas.ReferenceData;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.WorkingDays;

/// <summary>
/// Ppid's administrators changed the working-day calendar: the change is recorded under its
/// calendar version (a second delivery finds it there), and the recurring items that fall on a
/// first or last working day are realigned from today on: an occurrence still only planned on a day
/// the rule no longer gives is cancelled with the reason, and the day the rule gives now is planned.
/// Occurrences an officer already changed in any way (edited, rescheduled, started) are left alone.
/// </summary>
public sealed class NonWorkingDayChangedConsumer(NpgsqlDataSource dataSource, EventStore store, UnitDirectory units, CalendarWorkingDays workingDays,
    IServiceProvider services, TimeProvider clock) : InboxConsumer<NonWorkingDayChanged>(dataSource)
{
    protected override string ConsumerName => "calendar.non-working-day-changed";

    protected override async Task HandleAsync(ConsumeContext<NonWorkingDayChanged> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO working_day_changes (calendar_version, date, non_working, kind, name_id, name_en, source, changed_at)
            VALUES (@CalendarVersion, @Date, @NonWorking, @Kind, @NameId, @NameEn, @Source, @ChangedAt)
            ON CONFLICT (calendar_version) DO NOTHING
            """, m, transaction, cancellationToken: ct));
        if (inserted == 0) return;

        var calendar = await workingDays.BuildAsync(connection, transaction, ct);
        var seriesIds = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT series_id FROM series", transaction: transaction, cancellationToken: ct))).AsList();
        var metadata = new EventMetadata(Actor: "working-day-calendar", CausationId: context.MessageId?.ToString());
        var now = clock.GetUtcNow();
        foreach (var id in seriesIds)
        {
            if (await store.AggregateAsync(Series.StreamId(id), Series.Initial, Series.Evolve, ct) is not var (series, _)) continue;
            if (series.Rule.Frequency != Frequency.Monthly || series.Rule.MonthlyOn is null or MonthlyOn.Day) continue;
            var zone = units.Find(series.UnitId)?.TimeZone ?? IndonesianTimeZone.Wib;
            var today = DateOnly.FromDateTime(zone.ToLocal(now).DateTime);
            var through = GenerateOccurrences.WindowEnd(services, now, zone);
            var wanted = series.Rule.Occurrences(series.Start, through, calendar).Where(d => d >= today).ToHashSet();
            var stale = await connection.QueryAsync<Guid>(new CommandDefinition("""
                SELECT publication_id FROM publications
                WHERE series_id = @id AND occurrence_date >= @today AND status = 'planned' AND version = 1 AND NOT (occurrence_date = ANY(@wanted))
                """, new { id, today, wanted = wanted.ToArray() }, transaction, cancellationToken: ct));
            foreach (var publicationId in stale)
                await store.DecideAsync(Publication.StreamId(publicationId), Publication.StreamType, Publication.Initial, Publication.Evolve,
                    p => Realign(p, now, m), metadata, ct);
            await GenerateOccurrences.PlanAsync(store, series, through, calendar, zone, metadata, ct);
        }
    }

    /// <summary>Only an occurrence nobody touched since it was generated moves with the calendar.</summary>
    public static IReadOnlyList<object> Realign(Publication p, DateTimeOffset now, NonWorkingDayChanged change) =>
        p.Status == PublicationStatus.Planned
            ? [new PublicationCancelled(now, change.NonWorking
                ? $"Hari libur / non-working day {change.Date:yyyy-MM-dd}: {change.NameId}"
                : $"Hari kerja kembali / working day again {change.Date:yyyy-MM-dd}", Skipped: false)]
            : [];
}
