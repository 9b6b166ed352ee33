namespace Humas.Calendar.Views;

/// <summary>A publication as the views list it; times in the unit's own zone.</summary>
public sealed record PublicationRow(
    Guid PublicationId, string UnitId, string Title, string Kind, string[] Channels, DateTimeOffset? PlannedAt, DateOnly? AgendaDate, string Status,
    string Owner, string? ElectionId, string? StageId, string Visibility, DateTimeOffset? PublishedAt, bool Late, bool Unplanned, Guid? SeriesId, long Version)
{
    public const string Columns = """
        p.publication_id, p.unit_id, p.title, p.kind, p.channels, p.planned_at, p.agenda_date, p.status, p.owner, p.election_id, p.stage_id,
        p.visibility, p.published_at, p.late, p.unplanned, p.series_id, p.version
        """;

    public PublicationRow InZone(TimeSpan offset) => this with { PlannedAt = PlannedAt?.ToOffset(offset), PublishedAt = PublishedAt?.ToOffset(offset) };
}

/// <summary>A berkala obligation as the views list it.</summary>
public sealed record ObligationRow(Guid ObligationId, string UnitId, string Title, string Category, DateTimeOffset LastPublishedAt, DateOnly DueDate, bool DueNoticed, bool Overdue)
{
    public const string Columns = "b.obligation_id, b.unit_id, b.title, b.category, b.last_published_at, b.due_date, b.due_noticed, b.overdue";
}
