namespace Humas.Eventing.Store;

/// <summary>An event as it stands in the log, with its position in the stream and in the store.</summary>
public sealed record RecordedEvent(
    long Sequence,
    Guid Id,
    string StreamId,
    long Version,
    string TypeName,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset Created);

/// <summary>What is known about why and by whom an event was written. Never personal data.</summary>
public sealed record EventMetadata(string? CorrelationId = null, string? CausationId = null, string? TraceParent = null, string? Actor = null)
{
    public static EventMetadata Empty { get; } = new();
}

/// <summary>The stream's version after an append; the HTTP layer uses it as the ETag.</summary>
public sealed record AppendResult(string StreamId, long Version, IReadOnlyList<RecordedEvent> Events);

public static class ExpectedVersion
{
    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}
