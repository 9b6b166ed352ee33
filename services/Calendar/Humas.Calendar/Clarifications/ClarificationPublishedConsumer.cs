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
        await PublicationCompletions.RecordAsync(store, completion, unit.TimeZone, metadata, connection, transaction, ct);
    }
}
