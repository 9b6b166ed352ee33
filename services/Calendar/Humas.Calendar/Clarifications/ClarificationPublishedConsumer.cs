using Dapper;
using Humas.Calendar.Publications;
using Humas.Calendar.Publications.Completing;
using Humas.Clarifications.Contracts;
using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.Clarifications;

/// <summary>
/// The clarifications service published a clarification: the planned clarification item it
/// fulfils is marked published (late when after its planned day), or an unplanned publication is
/// recorded. Imported clarifications were published long before and are not the calendar's
/// business. Decided on the stream's state, so a repeated message, or a correction published
/// again as a new version, changes nothing; a retraction records nothing either.
/// </summary>
public sealed class ClarificationPublishedConsumer(NpgsqlDataSource dataSource, EventStore store, UnitDirectory units)
    : InboxConsumer<ClarificationPublished>(dataSource)
{
    public const string Source = "clarifications";

    protected override string ConsumerName => "calendar.clarification-published";

    protected override async Task HandleAsync(ConsumeContext<ClarificationPublished> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (m.Imported || m.Retracted || units.Find(m.UnitId) is not { } unit) return;
        var metadata = new EventMetadata(Actor: Source, CausationId: context.MessageId?.ToString());
        var completion = new CompleteFromPublication.Published(Source, $"{Source}:{m.ClarificationId}", m.UnitId, m.Title, ContentKind.Clarification, m.PublishedAt, m.Url);
        // A planned item names the clarification (content ref), or is a clarification item of the unit with the same title still to be done.
        var planned = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            SELECT publication_id FROM publications
            WHERE unit_id = @unit AND NOT unplanned
              AND (content_ref = @ref OR (content_ref IS NULL AND kind = 'clarification' AND lower(title) = lower(@title)
                                         AND status IN ('planned', 'in-progress', 'missed')))
            ORDER BY (content_ref = @ref) DESC NULLS LAST, planned_at NULLS LAST LIMIT 1
            """, new { unit = m.UnitId, @ref = completion.ContentRef, title = m.Title }, transaction, cancellationToken: ct));
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
