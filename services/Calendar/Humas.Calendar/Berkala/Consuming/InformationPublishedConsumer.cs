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
        await PublicationCompletions.RecordAsync(store, completion, unit.TimeZone, metadata, connection, transaction, ct);
    }

    private async Task DecideOrStartAsync<TState>(string streamId, string streamType, TState initial, Func<TState, object, TState> evolve,
        Func<TState?, IReadOnlyList<object>> decide, EventMetadata metadata, CancellationToken ct) where TState : class
    {
        if (await store.DecideAsync(streamId, streamType, initial, evolve, s => decide(s), metadata, ct) is not null) return;
        // A ConcurrencyException here (another delivery started it meanwhile) fails the message; its retry decides on the stream.
        await store.AppendAsync(streamId, streamType, ExpectedVersion.NoStream, decide(null), metadata, ct);
    }
}
