using Dapper;
using Humas.Calendar.Publications;
using Humas.Calendar.Publications.Completing;
using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using Humas.Ppid.Contracts;
using Humas.ReferenceData;
using MassTransit;
using Npgsql;

namespace Humas.Calendar.Berkala.Consuming;

/// <summary>
/// Ppid put an entry on a unit's list of public information: a berkala entry starts or renews its
/// obligation, and the planned item it fulfils is marked published (or an unplanned publication
/// is recorded). Each effect is decided on the stream's state, so a message delivered twice or
/// out of order changes nothing the second time; the inbox spares the work.
/// </summary>
public sealed class InformationPublishedConsumer(NpgsqlDataSource dataSource, EventStore store, UnitDirectory units, BerkalaRules rules)
    : InboxConsumer<InformationPublished>(dataSource)
{
    public const string Source = "ppid-information";

    protected override string ConsumerName => "calendar.information-published";

    protected override async Task HandleAsync(ConsumeContext<InformationPublished> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (units.Find(m.UnitId) is not { } unit) return;
        var metadata = new EventMetadata(Actor: Source, CausationId: context.MessageId?.ToString());

        if (rules.PeriodOf(m.Category) is { } months)
        {
            var published = new TrackObligation.Published(m.EntryId, m.UnitId, m.Title, m.Category, m.PublishedAt);
            await DecideOrStartAsync(BerkalaObligation.StreamId(m.EntryId), BerkalaObligation.StreamType, BerkalaObligation.Initial, BerkalaObligation.Evolve,
                state => TrackObligation.Decide(state, published, months, unit.TimeZone), metadata, ct);
        }

        var completion = new CompleteFromPublication.Published(Source, $"{Source}:{m.EntryId}", m.UnitId, m.Title, ContentKind.DipInformation, m.PublishedAt, m.Url);
        var planned = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            SELECT publication_id FROM publications
            WHERE unit_id = @unit AND NOT unplanned
              AND (content_ref = @ref OR (content_ref IS NULL AND kind = 'dip-information' AND lower(title) = lower(@title)
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

    private async Task DecideOrStartAsync<TState>(string streamId, string streamType, TState initial, Func<TState, object, TState> evolve,
        Func<TState?, IReadOnlyList<object>> decide, EventMetadata metadata, CancellationToken ct) where TState : class
    {
        if (await store.DecideAsync(streamId, streamType, initial, evolve, s => decide(s), metadata, ct) is not null) return;
        // A ConcurrencyException here (another delivery started it meanwhile) fails the message; its retry decides on the stream.
        await store.AppendAsync(streamId, streamType, ExpectedVersion.NoStream, decide(null), metadata, ct);
    }
}
