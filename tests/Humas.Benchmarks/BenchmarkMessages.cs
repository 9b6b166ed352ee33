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

/// <summary>What the consumer saw: one latency per event number (a redelivery is not counted twice).</summary>
public sealed class ConsumptionLog
{
    private ConcurrentDictionary<long, double> latencies = new();
    private TaskCompletionSource allConsumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int expected;

    public int Count => latencies.Count;
    public IReadOnlyCollection<double> LatenciesMs => latencies.Values.ToArray();

    public void Expect(int count)
    {
        latencies = new ConcurrentDictionary<long, double>();
        allConsumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref expected, count);
    }

    public void Record(long number, DateTimeOffset writtenAt)
    {
        var latency = (DateTimeOffset.UtcNow - writtenAt).TotalMilliseconds;
        if (latencies.TryAdd(number, latency) && latencies.Count >= Volatile.Read(ref expected))
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
        await base.Consume(context);
        log.Record(context.Message.Number, context.Message.WrittenAt);
    }

    protected override Task HandleAsync(ConsumeContext<BenchEventAnnounced> context, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Task.CompletedTask;
}
