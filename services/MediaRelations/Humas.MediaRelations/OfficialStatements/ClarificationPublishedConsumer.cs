using Humas.Clarifications.Contracts;
using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;
using MassTransit;
using Npgsql;

namespace Humas.MediaRelations.OfficialStatements;

/// <summary>
/// Clarifications published a clarification: with mass-media reach, the unit gets a draft official
/// statement linked to it. A message delivered twice, or the clarification published again in a
/// new version, finds the draft's stream already there and changes nothing.
/// </summary>
public sealed class ClarificationPublishedConsumer(NpgsqlDataSource dataSource, EventStore store, UnitDirectory units, TimeProvider clock)
    : InboxConsumer<ClarificationPublished>(dataSource)
{
    protected override string ConsumerName => "mediarelations.clarification-published";

    protected override async Task HandleAsync(ConsumeContext<ClarificationPublished> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (OfficialStatements.Decide(context.Message, units, clock.GetUtcNow()) is not { } drafted) return;
        try
        {
            await store.AppendAsync(PressRelease.StreamId(drafted.ReleaseId), PressRelease.StreamType, ExpectedVersion.NoStream, [drafted],
                new EventMetadata(Actor: OfficialStatements.Author, CausationId: context.MessageId?.ToString()), context.CancellationToken);
        }
        catch (Humas.Eventing.Store.ConcurrencyException)
        {
            // Drafted by an earlier delivery, or for an earlier version of the clarification.
        }
    }
}
