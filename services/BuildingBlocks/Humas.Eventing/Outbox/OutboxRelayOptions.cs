namespace Humas.Eventing.Outbox;

public sealed class OutboxRelayOptions
{
    public int BatchSize { get; set; } = 100;

    /// <summary>How often to look for rows when no notification arrives (a lost NOTIFY, a relay restarted mid-batch).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for the broker's confirm before treating a publish as failed and retrying later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// After this many failures that are the row's own fault (see <see cref="OutboxRelay"/>), the row
    /// moves to <c>outbox_dead_letters</c> and stops holding back the rows after it
    /// (Humas:Outbox:DeadLetterAfterFailures). A broker outage never counts.
    /// </summary>
    public int DeadLetterAfterFailures { get; set; } = 10;
}
