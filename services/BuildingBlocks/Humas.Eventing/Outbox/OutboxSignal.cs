using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace Humas.Eventing.Outbox;

/// <summary>
/// Wakes the outbox relay when a transaction that wrote outbox rows has committed.
/// <para>
/// In a process that runs its own relay the wake-up stays in the process: the session that
/// wrote the rows raises it after its commit. A PostgreSQL NOTIFY in the writing transaction
/// would do the same across processes, but PostgreSQL serializes the commits of notifying
/// transactions on one database-wide lock held until the commit is flushed, so with NOTIFY
/// concurrent appends no longer share a disk flush and commit one after the other.
/// </para>
/// <para>
/// A process without a relay (a tool) still notifies from its transactions so that another
/// process's relay wakes. Rows whose wake-up is lost (a crash right after the commit, a
/// transaction committed outside <see cref="Store.EventSession"/>) are found by the relay's
/// next poll.
/// </para>
/// </summary>
public sealed class OutboxSignal(bool localRelay)
{
    private static readonly object Pending = new();

    private readonly Channel<bool> wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConditionalWeakTable<NpgsqlTransaction, object> written = new();

    /// <summary>Whether this process relays its own outbox, so that its writers need not NOTIFY.</summary>
    public bool LocalRelay { get; } = localRelay;

    /// <summary>Called by the writer: TRANSACTION holds outbox rows, to be announced once it commits.</summary>
    internal void Written(NpgsqlTransaction transaction) => written.AddOrUpdate(transaction, Pending);

    /// <summary>Called once TRANSACTION has committed: wakes the relay if it wrote outbox rows.</summary>
    public void Committed(NpgsqlTransaction transaction)
    {
        if (written.Remove(transaction)) Raise();
    }

    /// <summary>Forgets a transaction that did not commit.</summary>
    public void Abandoned(NpgsqlTransaction transaction) => written.Remove(transaction);

    /// <summary>Wakes the relay (at most one wake-up is kept pending).</summary>
    public void Raise() => wakeUp.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up, at most WAIT.</summary>
    internal async Task WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try { await wakeUp.Reader.ReadAsync(timeout.Token); }
        catch (OperationCanceledException) { /* the wait passed, or shutting down */ }
    }
}
