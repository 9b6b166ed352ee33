using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Humas.Eventing.Store;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.Benchmarks;

/// <summary>One way of getting events to the consumer, measured flat out and at a fixed offered load.</summary>
public sealed record PathResult(
    string Name, int Events, double SentPerSecond, double EventsPerSecond,
    int PacedEvents, double PacedRate, double LatencyP50Ms, double LatencyP95Ms, double LatencyP99Ms, double LatencyMaxMs);

public sealed record RelayResult(PathResult Relay, PathResult Direct, int Writers, int Rounds)
{
    public double Ratio => Relay.EventsPerSecond / Direct.EventsPerSecond;
}

/// <summary>
/// From commit to consumer: appends whose translator writes an outbox row, the relay publishing
/// with broker confirms, and an inbox consumer on the same host. The baseline, in the same run
/// and on the same host: MassTransit publishing the same messages straight to RabbitMQ with
/// confirms and up to 100 in flight, to the same consumer. Each is measured twice: flat out
/// (events/s from the first send to the last inbox commit, alternating rounds, median), and at a
/// fixed offered load, where latency runs from the moment each event was due to be written
/// (so a writer that falls behind shows up in the latency) to the consumer's inbox commit.
/// </summary>
public static class RelayThroughputBenchmark
{
    public const string Database = "bench_relay";
    public const string VirtualHost = "bench-relay";
    public const double TargetRatio = 0.5;
    public const double TargetP99Ms = 100;
    public const int DirectInFlight = 100;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    public static async Task<RelayResult> RunAsync(string rabbitMqUri, BenchmarkSettings settings)
    {
        await BenchmarkInfrastructure.FreshDatabaseAsync(Database);
        using var host = await BenchmarkInfrastructure.StartEventingHostAsync(Database, rabbitMqUri,
            eventing => eventing.Translator<AnnounceRecordedEvents>().Publishes<BenchEventAnnounced>().Consumer<RecordingConsumer>(),
            services => services.AddSingleton<ConsumptionLog>());
        var store = host.Services.GetRequiredService<EventStore>();
        var bus = host.Services.GetRequiredService<IBus>();
        var log = host.Services.GetRequiredService<ConsumptionLog>();
        var numbers = 0L;
        long Next() => Interlocked.Increment(ref numbers);

        // Streams to append to, one writer at a time each: a writer takes a free stream, appends, gives it back.
        var streams = Channel.CreateUnbounded<StreamCursor>();
        for (var i = 0; i < settings.RelayPacedWriters; i++) streams.Writer.TryWrite(new StreamCursor($"relay-stream-{i}"));

        Task Append(DateTimeOffset writtenAt) => AppendAsync(store, streams, new BenchEventRecorded(Next(), writtenAt, BenchEventRecorded.TypicalNote));
        Task Publish(DateTimeOffset writtenAt) => bus.Publish(new BenchEventAnnounced { Number = Next(), WrittenAt = writtenAt },
            context => context.MessageId = NewId.NextGuid());

        // Warm-up: connections, the consumer's queue and the JIT, on both paths. The pool first gets
        // as many connections as the fixed load can hold at once (every writer, every consumer slot,
        // the relay and its listener): a running service has opened them in its first burst and
        // keeps them while they are used. Opened in the middle of a run instead, each costs a
        // PostgreSQL process and a SCRAM exchange on two busy cores, which stalls everything for
        // most of a second and so opens more.
        await OpenConnectionsAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), settings.RelayPacedWriters + ConsumerSlots + 2);
        await FlatOutAsync(log, settings.RelayWarmUpEvents, settings.RelayWriters, Append);
        await FlatOutAsync(log, settings.RelayWarmUpEvents, DirectInFlight, Publish);

        var relayRounds = new List<(double Sent, double Consumed)>();
        var directRounds = new List<(double Sent, double Consumed)>();
        for (var round = 1; round <= settings.RelayRounds; round++)
        {
            relayRounds.Add(await FlatOutAsync(log, settings.RelayEvents, settings.RelayWriters, Append));
            directRounds.Add(await FlatOutAsync(log, settings.RelayEvents, DirectInFlight, Publish));
            Console.WriteLine($"  round {round}: relay {relayRounds[^1].Consumed:N0} events/s end-to-end (appends {relayRounds[^1].Sent:N0}/s), " +
                $"direct publish {directRounds[^1].Consumed:N0} events/s end-to-end (confirmed {directRounds[^1].Sent:N0}/s); load average {LoadAverage()}");
        }

        var pacedEvents = (int)(settings.RelayOfferedLoad * settings.RelayPacedDuration.TotalSeconds);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        // One path at the fixed load, with what the processes spent and PostgreSQL logged meanwhile.
        async Task<Paced> AtFixedLoadAsync(string path, string until, int maxInFlight, Func<DateTimeOffset, Task> send)
        {
            var wal = await PostgresWal.SampleAsync(dataSource);
            var cpu = ProcessCpu.Sample();
            var paced = await PacedAsync(log, pacedEvents, settings.RelayOfferedLoad, maxInFlight, send);
            var cpuAfter = ProcessCpu.Sample();
            var walAfter = await PostgresWal.SampleAsync(dataSource);
            Console.WriteLine($"  {settings.RelayOfferedLoad:N0} events/s offered {path}: p99 {Statistics.Percentile(paced.Latencies, 99):0.0} ms{BeforeSent(paced, until)}" +
                $"\n    {ProcessCpu.PerEvent(cpu, cpuAfter, pacedEvents)}; load average {LoadAverage()}" +
                $"\n    {PostgresWal.PerEvent(wal, walAfter, pacedEvents)}");
            return paced;
        }
        var relayPaced = await AtFixedLoadAsync("through the relay", "commit", settings.RelayPacedWriters, Append);
        var directPaced = await AtFixedLoadAsync("by direct publish", "confirm", DirectInFlight, Publish);
        await host.StopAsync();

        return new RelayResult(
            Summarize("outbox relay", relayRounds, relayPaced, pacedEvents),
            Summarize("direct publish", directRounds, directPaced, pacedEvents),
            settings.RelayWriters, settings.RelayRounds);
    }

    /// <summary>How much of the latency passed before the send returned: waiting to be written, not in the relay or the broker.</summary>
    private static string BeforeSent(Paced paced, string until) =>
        $" (due to {until}: p50 {Statistics.Percentile(paced.UntilSent, 50):0.0} ms, p99 {Statistics.Percentile(paced.UntilSent, 99):0.0} ms)" +
        $"\n    where the time went, p50 / p99: until published {Split(paced, t => t.UntilPublishedMs)}, in the broker {Split(paced, t => t.InBrokerMs)}, " +
        $"in the consumer's inbox commit {Split(paced, t => t.InConsumerMs)}" +
        $"\n    the largest latency of the events due in each second: {BySecond(paced)} ms";

    /// <summary>The largest latency among the events due in each second: a steady overload rises, a stall stands out.</summary>
    private static string BySecond(Paced paced)
    {
        var start = paced.Timings.Min(t => t.WrittenAt);
        return string.Join(' ', paced.Timings.GroupBy(t => (int)(t.WrittenAt - start).TotalSeconds).OrderBy(g => g.Key)
            .Select(g => $"{g.Max(t => t.TotalMs):0}"));
    }

    private static string Split(Paced paced, Func<ConsumptionLog.Timing, double> part)
    {
        var values = paced.Timings.Select(part).ToArray();
        return $"{Statistics.Percentile(values, 50):0.0} / {Statistics.Percentile(values, 99):0.0} ms";
    }

    public static void Print(RelayResult result, BenchmarkSettings settings)
    {
        Console.WriteLine();
        Console.WriteLine($"Commit to consumer: outbox relay vs MassTransit publishing straight to RabbitMQ (confirms, {DirectInFlight} in flight)");
        Console.WriteLine($"Flat out: {settings.RelayEvents:N0} events a round, relay fed by {result.Writers} writers, median of {result.Rounds} alternating rounds.");
        Console.WriteLine($"Fixed load: {settings.RelayOfferedLoad:N0} events/s offered for {settings.RelayPacedDuration.TotalSeconds:0} s; latency from when the event was due to its inbox commit.");
        ConsoleTable.Print(
            ["path", "sent/s", "events/s end-to-end", $"at {settings.RelayOfferedLoad:N0}/s: achieved", "p50", "p95", "p99", "max"],
            new[] { result.Relay, result.Direct }.Select(r => (IReadOnlyList<string>)
            [
                r.Name, $"{r.SentPerSecond:N0}", $"{r.EventsPerSecond:N0}", $"{r.PacedRate:N0}/s",
                $"{r.LatencyP50Ms:0.0} ms", $"{r.LatencyP95Ms:0.0} ms", $"{r.LatencyP99Ms:0.0} ms", $"{r.LatencyMaxMs:0.0} ms",
            ]));
        Console.WriteLine("sent/s: appends committed (relay) or publishes confirmed (direct) per second.");
        var ratioVerdict = result.Ratio >= TargetRatio ? "MEETS" : "MISSES";
        Console.WriteLine($"relay/direct events/s end-to-end = {result.Ratio:0.00}: {ratioVerdict} the target of >= {TargetRatio:0.00}.");
        var p99Verdict = result.Relay.LatencyP99Ms < TargetP99Ms ? "MEETS" : "MISSES";
        Console.WriteLine($"relay p99 at {settings.RelayOfferedLoad:N0} events/s = {result.Relay.LatencyP99Ms:0.0} ms: {p99Verdict} the target of < {TargetP99Ms:0} ms " +
            $"(direct publish: {result.Direct.LatencyP99Ms:0.0} ms, relay/direct = {result.Relay.LatencyP99Ms / result.Direct.LatencyP99Ms:0.00}).");
    }

    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static PathResult Summarize(string name, List<(double Sent, double Consumed)> rounds, Paced paced, int pacedEvents) =>
        new(name, rounds.Count, Statistics.Median(rounds.Select(r => r.Sent)), Statistics.Median(rounds.Select(r => r.Consumed)),
            pacedEvents, paced.Rate, Statistics.Percentile(paced.Latencies, 50), Statistics.Percentile(paced.Latencies, 95),
            Statistics.Percentile(paced.Latencies, 99), paced.Latencies.Max());

    /// <summary>
    /// Sends COUNT events as fast as CONCURRENCY senders go. Returns sends per second (until the
    /// last send returned) and events per second end to end (until the last inbox commit).
    /// </summary>
    private static async Task<(double Sent, double Consumed)> FlatOutAsync(ConsumptionLog log, int count, int concurrency, Func<DateTimeOffset, Task> send)
    {
        log.Expect(count);
        var remaining = count;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0) await send(DateTimeOffset.UtcNow);
        })));
        var sent = clock.Elapsed;
        await WaitForConsumerAsync(log, count);
        return (count / sent.TotalSeconds, count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A fixed-load run: its achieved rate, the latencies from due to inbox commit, and the part of
    /// them spent before the send returned (due to the append's commit, or to the broker's confirm).
    /// </summary>
    private sealed record Paced(double Rate, IReadOnlyCollection<double> UntilSent, IReadOnlyCollection<ConsumptionLog.Timing> Timings)
    {
        public IReadOnlyCollection<double> Latencies { get; } = Timings.Select(t => t.TotalMs).ToArray();
    }

    /// <summary>Starts one send every 1/RATE s, whether or not earlier ones have finished (up to MAX_IN_FLIGHT).</summary>
    private static async Task<Paced> PacedAsync(ConsumptionLog log, int count, double perSecond, int maxInFlight, Func<DateTimeOffset, Task> send)
    {
        log.Expect(count);
        var gate = new SemaphoreSlim(maxInFlight);
        var sends = new List<Task>(count);
        var untilSent = new System.Collections.Concurrent.ConcurrentBag<double>();
        var started = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var early = due - Stopwatch.GetElapsedTime(started);
            if (early > TimeSpan.FromMilliseconds(1)) await Task.Delay(early);
            await gate.WaitAsync();
            sends.Add(SendAndRelease(startedAt + due));
        }
        await Task.WhenAll(sends);
        var offeredFor = Stopwatch.GetElapsedTime(started);
        await WaitForConsumerAsync(log, count);
        return new Paced(count / offeredFor.TotalSeconds, untilSent, log.Timings);

        async Task SendAndRelease(DateTimeOffset dueAt)
        {
            try
            {
                await send(dueAt);
                untilSent.Add((DateTimeOffset.UtcNow - dueAt).TotalMilliseconds);
            }
            finally { gate.Release(); }
        }
    }

    private static async Task WaitForConsumerAsync(ConsumptionLog log, int count)
    {
        try
        {
            await log.WaitForAllAsync(GiveUpAfter);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {log.Count} of {count} events reached the consumer within {GiveUpAfter.TotalSeconds:0} s.");
        }
    }

    /// <summary>MassTransit's default prefetch on RabbitMQ, and so the consumer's concurrency.</summary>
    private const int ConsumerSlots = 16;

    /// <summary>Opens COUNT connections at once and hands them back, so that the pool holds them idle.</summary>
    private static async Task OpenConnectionsAsync(NpgsqlDataSource dataSource, int count)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => dataSource.OpenConnectionAsync().AsTask()));
        foreach (var connection in connections) await connection.DisposeAsync();
    }

    private sealed class StreamCursor(string streamId)
    {
        public string StreamId { get; } = streamId;
        public long Version { get; set; } = ExpectedVersion.NoStream;
    }

    private static async Task AppendAsync(EventStore store, Channel<StreamCursor> streams, BenchEventRecorded recorded)
    {
        var stream = await streams.Reader.ReadAsync();
        try
        {
            stream.Version = (await store.AppendAsync(stream.StreamId, "bench", stream.Version, [recorded])).Version;
        }
        finally
        {
            streams.Writer.TryWrite(stream);
        }
    }
}
