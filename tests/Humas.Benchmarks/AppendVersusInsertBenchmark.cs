using Humas.Eventing.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Humas.Benchmarks;

/// <summary>Median operations per second of each variant at one writer count, over alternating rounds.</summary>
public sealed record AppendRates(int Writers, double Baseline, double Store, double StoreNewStream)
{
    public double StoreRatio => Store / Baseline;
    public double NewStreamRatio => StoreNewStream / Baseline;
}

/// <summary>
/// EventStore.AppendAsync of one event against the cheapest durable write PostgreSQL offers a
/// client: one pooled connection, BEGIN, INSERT of one jsonb row of the same size, COMMIT.
/// The host runs no outbox relay and no translator, so only the append is measured.
/// </summary>
public static class AppendVersusInsertBenchmark
{
    public const string Database = "bench_eventstore";

    public static async Task<IReadOnlyList<AppendRates>> RunAsync(string rabbitMqUri, BenchmarkSettings settings)
    {
        await BenchmarkInfrastructure.FreshDatabaseAsync(Database);
        using var host = await BenchmarkInfrastructure.StartEventingHostAsync(Database, rabbitMqUri, eventing =>
        {
            eventing.RunOutboxRelay = false;
            eventing.MigrationsFrom(typeof(AppendVersusInsertBenchmark).Assembly); // the baseline_rows table
        });
        var store = host.Services.GetRequiredService<EventStore>();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        IReadOnlyList<object> oneEvent = [new BenchEventRecorded(1, DateTimeOffset.UtcNow, BenchEventRecorded.TypicalNote)];
        var payload = EventSerializer.Serialize(oneEvent[0]);
        Console.WriteLine($"Payload: {payload.Length} bytes of JSON per event and per baseline row.");

        var results = new List<AppendRates>();
        foreach (var writers in settings.WriterCounts)
        {
            Func<Task>[] Writers(Func<int, Func<Task>> create) => Enumerable.Range(0, writers).Select(create).ToArray();
            var variants = new (string Name, Func<Task>[] Writers, List<double> Rates)[]
            {
                ("baseline insert", Writers(_ => () => InsertOneRowAsync(dataSource, payload)), []),
                ("store append", Writers(i => AppendToOwnStream(store, $"writers-{writers}-stream-{i}", oneEvent)), []),
                ("store append, new stream", Writers(i => AppendToNewStreams(store, $"writers-{writers}-new-{i}", oneEvent)), []),
            };

            foreach (var variant in variants)
                await ConcurrentWriters.OperationsPerSecondAsync(variant.Writers, settings.WarmUp);
            for (var round = 1; round <= settings.Rounds; round++)
            {
                foreach (var variant in variants)
                    variant.Rates.Add(await ConcurrentWriters.OperationsPerSecondAsync(variant.Writers, settings.RoundDuration));
                Console.WriteLine($"  {writers} writer(s), round {round}: " +
                    string.Join(", ", variants.Select(v => $"{v.Name} {v.Rates[^1]:N0}/s")));
            }
            results.Add(new AppendRates(writers,
                Statistics.Median(variants[0].Rates), Statistics.Median(variants[1].Rates), Statistics.Median(variants[2].Rates)));
        }

        await host.StopAsync();
        return results;
    }

    public static void Print(IReadOnlyList<AppendRates> results, BenchmarkSettings settings)
    {
        Console.WriteLine();
        Console.WriteLine($"Single-event append vs single-row insert (median of {settings.Rounds} rounds x {settings.RoundDuration.TotalSeconds:0.#} s, ops/s)");
        ConsoleTable.Print(
            ["writers", "baseline insert", "store append", "store/baseline", "store new stream", "new/baseline"],
            results.Select(r => (IReadOnlyList<string>)
            [
                r.Writers.ToString(), $"{r.Baseline:N0}", $"{r.Store:N0}", $"{r.StoreRatio:0.00}", $"{r.StoreNewStream:N0}", $"{r.NewStreamRatio:0.00}",
            ]));
        if (results.FirstOrDefault(r => r.Writers == 1) is { } single)
        {
            var verdict = single.StoreRatio >= BenchmarkSettings.TargetAppendRatio ? "MEETS" : "MISSES";
            Console.WriteLine($"1-writer ratio store/baseline = {single.StoreRatio:0.00}: {verdict} the target of >= {BenchmarkSettings.TargetAppendRatio:0.00}.");
        }
    }

    private static async Task InsertOneRowAsync(NpgsqlDataSource dataSource, string payload)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO baseline_rows (payload) VALUES (@payload)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = payload });
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>One stream per writer; each call appends at the version the previous call left.</summary>
    private static Func<Task> AppendToOwnStream(EventStore store, string streamId, IReadOnlyList<object> events)
    {
        var version = ExpectedVersion.NoStream;
        return async () => version = (await store.AppendAsync(streamId, "bench", version, events)).Version;
    }

    /// <summary>Every call starts a stream of its own.</summary>
    private static Func<Task> AppendToNewStreams(EventStore store, string prefix, IReadOnlyList<object> events)
    {
        var next = 0L;
        return () => store.AppendAsync($"{prefix}-{next++}", "bench", ExpectedVersion.NoStream, events);
    }
}
