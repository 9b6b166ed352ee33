using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using Humas.MediaRelations.Contracts;
using MassTransit;
using Npgsql;

namespace Humas.Clarifications.Cases;

/// <summary>
/// MediaRelations published a statement answering a clarification (its ClarificationId is the
/// case's id): the clarification links to it. A repeated message links nothing new.
/// </summary>
public sealed class PressReleasePublishedConsumer(NpgsqlDataSource dataSource, EventStore store) : InboxConsumer<PressReleasePublished>(dataSource)
{
    protected override string ConsumerName => "clarifications.press-release-published";

    protected override async Task HandleAsync(ConsumeContext<PressReleasePublished> context, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var m = context.Message;
        if (m.ClarificationId is not { } caseId) return;
        await store.DecideAsync(ClarificationCase.StreamId(caseId), ClarificationCase.StreamType, ClarificationCase.Initial, ClarificationCase.Evolve,
            state => CaseDecisions.LinkStatement(state, m.ReleaseId, m.Headline, m.PublishedAt),
            new EventMetadata(Actor: "media", CausationId: context.MessageId?.ToString()), context.CancellationToken);
    }
}
