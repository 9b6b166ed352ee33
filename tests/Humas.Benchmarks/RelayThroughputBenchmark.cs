using System.Collections.Concurrent;
using System.Diagnostics;
using Humas.Eventing.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Humas.Benchmarks;

public sealed record RelayResult(
    int Events, int Writers, TimeSpan AppendsDone, TimeSpan LastConsumed,
    double AppendP50Ms, double LatencyP50Ms, double LatencyP95Ms, double LatencyMaxMs)
{
    public double EventsPerSecond => Events / LastConsumed.TotalSeconds;
}

/// <summary>
/// From commit to consumer: appends whose translator writes an outbox row, the relay publishing
/// with broker confirms, and an inbox consumer on the same host. Each message carries the
/// time its event was written (stamped just before the append call).
/// </summary>
public static class RelayThroughputBenchmark
{
    public const string Database = "bench_relay";
    public const string VirtualHost = "bench-relay";
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    public static async Task<RelayResult> RunAsync(string rabbitMqUri, BenchmarkSettings settings)
    {
        await BenchmarkInfrastructure.FreshDatabaseAsync(Database);
        using var host = await BenchmarkInfrastructure.StartEventingHostAsync(Database, rabbitMqUri,
            eventing => eventing.Translator<AnnounceRecordedEvents>().Publishes<BenchEventAnnounced>().Consumer<RecordingConsumer>(),
            services => services.AddSingleton<ConsumptionLog>());
        var store = host.Services.GetRequiredService<EventStore>();
        var log = host.Services.GetRequiredService<ConsumptionLog>();
        var appendDurations = new ConcurrentQueue<double>();
        var numbers = 0L;
        var writers = Enumerable.Range(0, settings.RelayWriters)
            .Select(i => AppendNumberedEvents(store, $"relay-stream-{i}", () => Interlocked.Increment(ref numbers), appendDurations))
            .ToArray();

        // Warm-up: connections, the consumer's queue and the JIT, then the measured run.
        const int warmUpPerWriter = 25;
        log.Expect(warmUpPerWriter * writers.Length);
        await ConcurrentWriters.RunAsync(writers, warmUpPerWriter);
        await log.WaitForAllAsync(GiveUpAfter);
        appendDurations.Clear();

        var perWriter = settings.RelayEvents / writers.Length;
        var events = perWriter * writers.Length;
        log.Expect(events);
        var clock = Stopwatch.StartNew();
        await ConcurrentWriters.RunAsync(writers, perWriter);
        var appendsDone = clock.Elapsed;
        try
        {
            await log.WaitForAllAsync(GiveUpAfter);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {log.Count} of {events} events reached the consumer within {GiveUpAfter.TotalSeconds:0} s.");
        }
        var lastConsumed = clock.Elapsed;
        await host.StopAsync();

        var latencies = log.LatenciesMs;
        return new RelayResult(events, writers.Length, appendsDone, lastConsumed, Statistics.Median(appendDurations),
            Statistics.Percentile(latencies, 50), Statistics.Percentile(latencies, 95), latencies.Max());
    }

    public static void Print(RelayResult result)
    {
        Console.WriteLine();
        Console.WriteLine($"Commit to consumer through outbox relay and RabbitMQ ({result.Events:N0} events, {result.Writers} writers)");
        ConsoleTable.Print(
            ["events/s end-to-end", "appends done", "last consumed", "append p50", "latency p50", "latency p95", "latency max"],
            [[
                $"{result.EventsPerSecond:N0}", $"{result.AppendsDone.TotalSeconds:0.00} s", $"{result.LastConsumed.TotalSeconds:0.00} s",
                $"{result.AppendP50Ms:0.0} ms", $"{result.LatencyP50Ms:0.0} ms", $"{result.LatencyP95Ms:0.0} ms", $"{result.LatencyMaxMs:0.0} ms",
            ]]);
        Console.WriteLine("Latency runs from just before the append call (so it includes the append itself, see append p50) to the consumer's inbox commit.");
    }

    private static Func<Task> AppendNumberedEvents(EventStore store, string streamId, Func<long> nextNumber, ConcurrentQueue<double> durations)
    {
        var version = ExpectedVersion.NoStream;
        return async () =>
        {
            var started = Stopwatch.GetTimestamp();
            var recorded = new BenchEventRecorded(nextNumber(), DateTimeOffset.UtcNow, BenchEventRecorded.TypicalNote);
            version = (await store.AppendAsync(streamId, "bench", version, [recorded])).Version;
            durations.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        };
    }
}
