using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Humas.Eventing.Outbox;

/// <summary>
/// Degraded while outbox rows wait in outbox_dead_letters: the service still serves, but some
/// of its integration events have not reached anyone and need an operator.
/// </summary>
internal sealed class OutboxHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox_dead_letters");
            var deadLetters = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return deadLetters == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded($"{deadLetters} outbox message(s) could not be published and wait in outbox_dead_letters; fix the cause, then replay them (./humas outbox replay).",
                    data: new Dictionary<string, object> { ["deadLetters"] = deadLetters });
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // The postgres check reports the database itself; this one only says it could not look.
            return HealthCheckResult.Degraded("Could not count the outbox's dead letters.", e);
        }
    }
}
