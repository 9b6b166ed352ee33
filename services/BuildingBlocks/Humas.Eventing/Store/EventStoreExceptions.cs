namespace Humas.Eventing.Store;

/// <summary>Another writer changed the stream first: the caller's view is stale.</summary>
public sealed class ConcurrencyException(string streamId, long expectedVersion, long? actualVersion)
    : Exception($"Stream '{streamId}' was expected at version {expectedVersion} but is at {(actualVersion is null ? "no version (it does not exist)" : actualVersion.ToString())}.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long? ActualVersion { get; } = actualVersion;
}

/// <summary>The database cannot be reached or refused the work for a transient reason; retrying later may succeed.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The connection was lost while the transaction was committing: it may have committed or not.
/// A caller that retries should do so in a way that is safe either way (an Idempotency-Key for a
/// create, If-Match for a change) or read first.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The connection to the database was lost while committing; the transaction may or may not have committed.", inner);
