using Humas.Eventing.Store;
using Npgsql;

namespace Humas.UnitTests.Eventing;

/// <summary>A failed COMMIT: the server's own refusal is a known rollback; a lost connection leaves the outcome unknown.</summary>
public sealed class CommitErrorsTests
{
    [Theory]
    [InlineData("57P01")] // the backend was terminated
    [InlineData("57P02")] // the server crashed
    [InlineData("08006")] // connection failure
    public void Given_the_connection_lost_during_commit_then_the_outcome_is_unknown(string sqlState) =>
        Assert.IsType<CommitOutcomeUnknownException>(PostgresErrors.TranslateCommit(new PostgresException("gone", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void Given_the_socket_failing_during_commit_then_the_outcome_is_unknown() =>
        Assert.IsType<CommitOutcomeUnknownException>(PostgresErrors.TranslateCommit(new NpgsqlException("Exception while reading from stream", new IOException())));

    [Fact]
    public void Given_the_server_refusing_the_commit_then_it_was_rolled_back_and_translated_as_any_error()
    {
        Assert.IsType<StoreUnavailableException>(PostgresErrors.TranslateCommit(new PostgresException("conflict", "ERROR", "ERROR", "40001")));
        Assert.IsType<PostgresException>(PostgresErrors.TranslateCommit(new PostgresException("duplicate", "ERROR", "ERROR", PostgresErrors.UniqueViolation)));
    }
}
