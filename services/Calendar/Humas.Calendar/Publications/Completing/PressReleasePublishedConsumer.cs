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
        await PublicationCompletions.RecordAsync(store, completion, unit.TimeZone, metadata, connection, transaction, ct);
    }
}
