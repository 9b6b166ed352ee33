using Dapper;
using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using Humas.MediaRelations.Contracts;
using Humas.ReferenceData;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.Publications.Completing;

/// <summary>
/// MediaRelations made a press release public (an official statement answering a clarification
/// among them): the planned press-release item it fulfils is marked published, found by its content
/// reference or else by its title; with none, an unplanned publication is recorded. Only the first
/// version counts: a later PressReleasePublished for the same release (after an embargo, say) finds
/// the item already published, or the same unplanned stream, and changes nothing.
/// </summary>
public sealed class PressReleasePublishedConsumer(NpgsqlDataSource dataSource, EventStore store, UnitDirectory units)
    : InboxConsumer<PressReleasePublished>(dataSource)
{
    public const string Source = "media-release";

    protected override string ConsumerName => "calendar.press-release-published";

    protected override async Task HandleAsync(ConsumeContext<PressReleasePublished> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (units.Find(m.UnitId) is not { } unit) return;
        var metadata = new EventMetadata(Actor: Source, CausationId: context.MessageId?.ToString());
        var completion = new CompleteFromPublication.Published(Source, $"{Source}:{m.ReleaseId}", m.UnitId, m.Headline, ContentKind.PressRelease, m.PublishedAt,
            $"/api/media/releases/{m.ReleaseId}");
        var planned = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            SELECT publication_id FROM publications
            WHERE unit_id = @unit
              AND (content_ref = @ref OR (content_ref IS NULL AND NOT unplanned AND kind = 'press-release' AND lower(title) = lower(@title)
                                         AND status IN ('planned', 'in-progress', 'missed')))
            ORDER BY (content_ref = @ref) DESC NULLS LAST, planned_at NULLS LAST LIMIT 1
            """, new { unit = m.UnitId, @ref = completion.ContentRef, title = m.Headline }, transaction, cancellationToken: ct));
        if (planned is { } id)
        {
            await store.DecideAsync(Publication.StreamId(id), Publication.StreamType, Publication.Initial, Publication.Evolve,
                p => CompleteFromPublication.Decide(p, completion, unit.TimeZone), metadata, ct);
            return;
        }
        var unplanned = CompleteFromPublication.Unplanned(completion);
        try
        {
            await store.AppendAsync(Publication.StreamId(unplanned.PublicationId), Publication.StreamType, ExpectedVersion.NoStream, [unplanned], metadata, ct);
        }
        catch (Humas.Eventing.Store.ConcurrencyException)
        {
            // Recorded by an earlier delivery of the same message.
        }
    }
}
