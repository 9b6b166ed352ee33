using Dapper;
using Humas.Eventing.Store;
using Humas.ServiceDefaults.Http;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Calendar.Publications.Completing;

/// <summary>
/// What every publication consumer does with a publication of another service: find the planned
/// item it fulfils, by its content reference or else by kind and title among the unit's items still
/// to be done, and mark it published; with none, record an unplanned publication. A repeated or
/// later message for the same content finds its item (planned or unplanned) by the content
/// reference and changes nothing.
/// </summary>
public static class PublicationCompletions
{
    public static async Task RecordAsync(EventStore store, CompleteFromPublication.Published completion, IndonesianTimeZone zone, EventMetadata metadata,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var planned = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            SELECT publication_id FROM publications
            WHERE unit_id = @unit
              AND (content_ref = @ref OR (content_ref IS NULL AND NOT unplanned AND kind = @kind AND lower(title) = lower(@title)
                                         AND status IN ('planned', 'in-progress', 'missed')))
            ORDER BY (content_ref = @ref) DESC NULLS LAST, planned_at NULLS LAST LIMIT 1
            """, new { unit = completion.UnitId, @ref = completion.ContentRef, kind = KebabNames.Of(completion.Kind), title = completion.Title },
            transaction, cancellationToken: ct));
        if (planned is { } id)
        {
            await store.DecideAsync(Publication.StreamId(id), Publication.StreamType, Publication.Initial, Publication.Evolve,
                p => CompleteFromPublication.Decide(p, completion, zone), metadata, ct);
            return;
        }
        var unplanned = CompleteFromPublication.Unplanned(completion);
        try
        {
            await store.AppendAsync(Publication.StreamId(unplanned.PublicationId), Publication.StreamType, ExpectedVersion.NoStream, [unplanned], metadata, ct);
        }
        catch (ConcurrencyException)
        {
            // Recorded by an earlier delivery of the same message.
        }
    }
}
