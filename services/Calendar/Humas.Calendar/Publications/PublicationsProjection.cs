using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Npgsql;

namespace Humas.Calendar.Publications;

/// <summary>One row per publication, kept in the appending transaction so that the agenda shows a change the moment it is answered.</summary>
public sealed class PublicationsProjection(UnitDirectory units) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (!recorded.StreamId.StartsWith("publication-", StringComparison.Ordinal)) continue;
            var id = Guid.Parse(recorded.StreamId["publication-".Length..]);
            var (sql, parameters) = Statement(recorded.Data);
            if (sql is null) continue;
            await Sql.ExecuteAsync(connection, transaction, ct, sql,
                [("id", id), ("version", recorded.Version), ("at", recorded.Created), .. parameters]);
        }
    }

    private (string? Sql, (string, object?)[] Parameters) Statement(object data) => data switch
    {
        PublicationPlanned e => (Insert, [.. Unit(e.UnitId), .. Content(e.Content), ("plannedAt", e.PlannedAt), ("agendaDate", LocalDate(e.UnitId, e.PlannedAt)),
            ("status", "planned"), ("publishedAt", null), ("url", null), ("unplanned", false), ("series", e.SeriesId), ("occurrence", e.OccurrenceDate)]),
        UnplannedPublicationRecorded e => (Insert, [.. Unit(e.UnitId), .. Content(e.Content), ("plannedAt", null), ("agendaDate", LocalDate(e.UnitId, e.PublishedAt)),
            ("status", "published"), ("publishedAt", e.PublishedAt), ("url", e.Url), ("unplanned", true), ("series", null), ("occurrence", null)]),
        PublicationEdited e => ("""
            UPDATE publications SET title = @title, kind = @kind, channels = @channels, owner = @owner, election_id = @election, stage_id = @stage,
                notes = @notes, visibility = @visibility, content_ref = @contentRef, version = @version, updated_at = @at
            WHERE publication_id = @id
            """, Content(e.Content)),
        PublicationRescheduled e => ("""
            UPDATE publications SET planned_at = @plannedAt, agenda_date = (@plannedAt::timestamptz AT TIME ZONE time_zone)::date,
                status = CASE WHEN @wasMissed THEN 'planned' ELSE status END, version = @version, updated_at = @at
            WHERE publication_id = @id
            """, [("plannedAt", e.To), ("wasMissed", e.WasMissed)]),
        PublicationStarted => (Status, [("status", "in-progress")]),
        PublicationMissed => (Status, [("status", "missed")]),
        PublicationCancelled => (Status, [("status", "cancelled")]),
        PublicationPublished e => ("""
            UPDATE publications SET status = 'published', published_at = @publishedAt, late = @late, url = coalesce(@url, url), version = @version, updated_at = @at
            WHERE publication_id = @id
            """, [("publishedAt", e.At), ("late", e.Late), ("url", e.Url)]),
        _ => (null, []),
    };

    private const string Insert = """
        INSERT INTO publications (publication_id, unit_id, institution, province_code, time_zone, title, kind, channels, owner, election_id, stage_id, notes, visibility,
            content_ref, planned_at, agenda_date, status, published_at, url, unplanned, series_id, occurrence_date, version, updated_at)
        VALUES (@id, @unit, @institution, @province, @zone, @title, @kind, @channels, @owner, @election, @stage, @notes, @visibility,
            @contentRef, @plannedAt, @agendaDate, @status, @publishedAt, @url, @unplanned, @series, @occurrence, @version, @at)
        """;

    private const string Status = "UPDATE publications SET status = @status, version = @version, updated_at = @at WHERE publication_id = @id";

    private (string, object?)[] Unit(string unitId)
    {
        var unit = units.Find(unitId);
        return [("unit", unitId), ("institution", unit is null ? "" : KebabNames.Of(unit.Institution)), ("province", unit?.ProvinceCode),
            ("zone", (unit?.TimeZone ?? IndonesianTimeZone.Wib).IanaId)];
    }

    private static (string, object?)[] Content(PublicationContent c) =>
    [
        ("title", c.Title), ("kind", KebabNames.Of(c.Kind)), ("channels", c.Channels.Select(KebabNames.Of).ToArray()), ("owner", c.Owner),
        ("election", c.Stage?.ElectionId), ("stage", c.Stage?.StageId), ("notes", c.Notes), ("visibility", KebabNames.Of(c.Visibility)),
        ("contentRef", c.ContentRef),
    ];

    private DateOnly? LocalDate(string unitId, DateTimeOffset? moment) =>
        moment is { } m ? Publication.LocalDate(m, units.Find(unitId)?.TimeZone ?? IndonesianTimeZone.Wib) : null;
}
