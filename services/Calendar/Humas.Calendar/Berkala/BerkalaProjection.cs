using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Npgsql;

namespace Humas.Calendar.Berkala;

/// <summary>The obligations and their periods as agendas, feeds and figures read them, kept in the appending transaction.</summary>
public sealed class BerkalaProjection(UnitDirectory units) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (!recorded.StreamId.StartsWith("berkala-", StringComparison.Ordinal)) continue;
            var id = Guid.Parse(recorded.StreamId["berkala-".Length..]);
            foreach (var (sql, parameters) in Statements(recorded.Data))
                await Sql.ExecuteAsync(connection, transaction, ct, sql, [("id", id), ("version", recorded.Version), .. parameters]);
        }
    }

    private IEnumerable<(string, (string, object?)[])> Statements(object data)
    {
        switch (data)
        {
            case BerkalaObligationStarted e:
                var unit = units.Find(e.UnitId);
                yield return ("""
                    INSERT INTO berkala_obligations (obligation_id, unit_id, institution, province_code, title, category, last_published_at, due_date, version)
                    VALUES (@id, @unit, @institution, @province, @title, @category, @published, @due, @version)
                    """, [("unit", e.UnitId), ("institution", unit is null ? "" : KebabNames.Of(unit.Institution)), ("province", unit?.ProvinceCode),
                    ("title", e.Title), ("category", e.Category), ("published", e.PublishedAt), ("due", e.DueDate)]);
                yield return ("INSERT INTO berkala_cycles (obligation_id, unit_id, due_date) VALUES (@id, @unit, @due)", [("unit", e.UnitId), ("due", e.DueDate)]);
                break;
            case BerkalaObligationRenewed e:
                yield return ("""
                    UPDATE berkala_obligations SET title = @title, last_published_at = @published, due_date = @due, due_noticed = false, overdue = false, version = @version
                    WHERE obligation_id = @id
                    """, [("title", e.Title), ("published", e.PublishedAt), ("due", e.DueDate)]);
                yield return ("UPDATE berkala_cycles SET met_at = @published, met_late = @late WHERE obligation_id = @id AND due_date = @previous",
                    [("published", e.PublishedAt), ("late", e.MetLate), ("previous", e.PreviousDueDate)]);
                yield return ("INSERT INTO berkala_cycles (obligation_id, unit_id, due_date) VALUES (@id, @unit, @due) ON CONFLICT DO NOTHING",
                    [("unit", e.UnitId), ("due", e.DueDate)]);
                break;
            case BerkalaObligationCameDue:
                yield return ("UPDATE berkala_obligations SET due_noticed = true, version = @version WHERE obligation_id = @id", []);
                break;
            case BerkalaObligationBecameOverdue e:
                yield return ("UPDATE berkala_obligations SET due_noticed = true, overdue = true, version = @version WHERE obligation_id = @id", []);
                yield return ("UPDATE berkala_cycles SET overdue = true WHERE obligation_id = @id AND due_date = @due", [("due", e.DueDate)]);
                break;
        }
    }
}
