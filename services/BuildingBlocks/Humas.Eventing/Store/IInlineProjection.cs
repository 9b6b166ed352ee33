using Npgsql;

namespace Humas.Eventing.Store;

/// <summary>
/// Updates read-model tables in the appending transaction: if it throws, the events are not
/// written either, so a read model maintained inline is never behind or ahead of the log.
/// </summary>
public interface IInlineProjection
{
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
}

/// <summary>
/// Turns the internal events other services need into integration messages. The only way an
/// internal event crosses the service boundary: the outbox row is written with the events.
/// </summary>
public interface IIntegrationEventTranslator
{
    IEnumerable<object> Translate(RecordedEvent recorded);
}
