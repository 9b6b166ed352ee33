using System.Collections.Concurrent;
using Humas.Eventing.Inbox;
using Humas.Eventing.Store;
using MassTransit;
using Npgsql;

namespace Humas.Benchmarks;

/// <summary>The internal event every benchmark appends. WrittenAt is stamped just before the append call.</summary>
public sealed record BenchEventRecorded(long Number, DateTimeOffset WrittenAt, string Note)
{
    /// <summary>A note that brings the serialized event to about 256 bytes, a typical size for a domain event.</summary>
    public static string TypicalNote { get; } = new('x', 180);
}

/// <summary>The integration event the relay benchmark publishes through the outbox.</summary>
public sealed record BenchEventAnnounced
{
    public required long Number { get; init; }
    public required DateTimeOffset WrittenAt { get; init; }
}

public sealed class AnnounceRecordedEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        if (recorded.Data is BenchEventRecorded e) yield return new BenchEventAnnounced { Number = e.Number, WrittenAt = e.WrittenAt };
    }
}

/// <summary>
/// What the consumer saw: per event number (a redelivery is not counted twice), the latency from
/// when the event was written to its inbox commit, split at the moment the message was published
/// (MassTransit's SentTime, stamped by the relay's or the direct sender's publish) and the moment
/// the consumer received it: waiting to be published, in the broker, and in the consumer's inbox commit.
/// </summary>
public sealed class ConsumptionLog
{
    public sealed record Timing(DateTimeOffset WrittenAt, double TotalMs, double UntilPublishedMs, double InBrokerMs, double InConsumerMs);

    private ConcurrentDictionary<long, Timing> timings = new();
    private TaskCompletionSource allConsumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int expected;

    public int Count => timings.Count;
    public IReadOnlyCollection<Timing> Timings => timings.Values.ToArray();

    public void Expect(int count)
    {
        timings = new ConcurrentDictionary<long, Timing>();
        allConsumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref expected, count);
    }

    public void Record(long number, DateTimeOffset writtenAt, DateTime? publishedAt, DateTimeOffset receivedAt)
    {
        var now = DateTimeOffset.UtcNow;
        var published = publishedAt is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : receivedAt;
        var timing = new Timing(writtenAt, (now - writtenAt).TotalMilliseconds, (published - writtenAt).TotalMilliseconds,
            (receivedAt - published).TotalMilliseconds, (now - receivedAt).TotalMilliseconds);
        if (timings.TryAdd(number, timing) && timings.Count >= Volatile.Read(ref expected))
            allConsumed.TrySetResult();
    }

    public Task WaitForAllAsync(TimeSpan timeout) => allConsumed.Task.WaitAsync(timeout);
}

/// <summary>An inbox consumer with no effect of its own: the inbox row is the work a real consumer always does.</summary>
public sealed class RecordingConsumer(NpgsqlDataSource dataSource, ConsumptionLog log) : InboxConsumer<BenchEventAnnounced>(dataSource)
{
    protected override string ConsumerName => "benchmarks.recording";

    public override async Task Consume(ConsumeContext<BenchEventAnnounced> context)
    {
        var received = DateTimeOffset.UtcNow;
        await base.Consume(context);
        log.Record(context.Message.Number, context.Message.WrittenAt, context.SentTime, received);
    }

    protected override Task HandleAsync(ConsumeContext<BenchEventAnnounced> context, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Task.CompletedTask;
}
