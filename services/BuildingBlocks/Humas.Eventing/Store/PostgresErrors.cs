using System.Net.Sockets;
using Npgsql;

namespace Humas.Eventing.Store;

/// <summary>
/// The one place where PostgreSQL's error codes become the project's exceptions, so that
/// nothing above the store needs to know SQLSTATE values.
/// </summary>
public static class PostgresErrors
{
    public const string UniqueViolation = "23505";

    public static Exception Translate(Exception error, string? streamId = null, long expectedVersion = 0)
    {
        switch (error)
        {
            case PostgresException { SqlState: UniqueViolation, ConstraintName: "events_stream_id_version_key" or "streams_pkey" } when streamId is not null:
                return new ConcurrencyException(streamId, expectedVersion, null);
            case PostgresException pg when IsTransient(pg.SqlState):
                return new StoreUnavailableException($"The database refused the work for now ({pg.SqlState}).", error);
            case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
            case NpgsqlException { IsTransient: true }:
                return new StoreUnavailableException("The database cannot be reached.", error);
            case SocketException or TimeoutException:
                return new StoreUnavailableException("The database cannot be reached.", error);
            default:
                return error;
        }
    }

    /// <summary>
    /// A COMMIT that failed. When the server answered with an error (a deferred constraint, a
    /// serialization failure) the transaction was rolled back and the error is translated as any
    /// other. When the connection was lost on the way (a network cut, the backend terminated), the
    /// client cannot know whether the server committed before it went: PostgreSQL gives no answer
    /// to ask for later. That is its own exception, so that nobody reports "nothing was changed".
    /// </summary>
    public static Exception TranslateCommit(Exception error) => error switch
    {
        PostgresException pg when !IsConnectionLoss(pg.SqlState) => Translate(error),
        NpgsqlException or SocketException or TimeoutException or IOException => new CommitOutcomeUnknownException(error),
        _ => error,
    };

    // Class 08 (connection exception) and the backend ended by an administrator or a crash.
    private static bool IsConnectionLoss(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02";

    // Class 08 (connection), 53 (resources), 57P (operator intervention: shutdown, restart).
    private static bool IsTransient(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState is "40001" or "40P01";
}
