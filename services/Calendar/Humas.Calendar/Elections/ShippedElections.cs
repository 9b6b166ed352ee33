using Humas.Eventing.Store;

namespace Humas.Calendar.Elections;

/// <summary>
/// Puts the shipped timelines on the calendar at start-up, once: an election whose stream exists
/// is left as it is (an administrator may have corrected it since), so a restart changes nothing.
/// </summary>
public sealed class ShippedElections(EventStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var added in ElectionData.LoadShipped())
        {
            if (await store.AggregateAsync(Election.StreamId(added.ElectionId), Election.Initial, Election.Evolve, cancellationToken) is not null) continue;
            try
            {
                await store.AppendAsync(Election.StreamId(added.ElectionId), Election.StreamType, ExpectedVersion.NoStream, [added],
                    new EventMetadata(Actor: "shipped-data"), cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // Another replica seeded it first.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
