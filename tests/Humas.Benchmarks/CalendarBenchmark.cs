using System.Diagnostics;
using Humas.Calendar;
using Humas.Calendar.Feeds;
using Humas.Calendar.Views;
using Humas.ReferenceData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Humas.Benchmarks;

/// <summary>
/// `./humas bench calendar`: a province (Jawa Tengah, 35 regencies) with 200 planned items a
/// month per regency for a year (84,000 rows in the calendar's read model, seeded with COPY), then
/// the province roll-up for one month and one regency's public iCalendar feed, each timed as the
/// endpoint runs it (a pooled connection, the query, the rendering), against a SELECT 1
/// round-trip measured in the same run. Target: roll-up p95 under 100 ms.
/// </summary>
public static class CalendarBenchmark
{
    public const string Database = "bench_calendar";
    public const string VirtualHost = "bench-calendar";
    public const string Province = "kpu-33";
    public const int ItemsPerMonth = 200;
    public const double RollUpTargetMs = 100;

    private static readonly string[] Kinds = ["press-release", "clarification", "dip-information", "social-media-post", "event-coverage", "other"];
    private static readonly string[] Channels = ["website", "instagram", "x", "facebook", "youtube", "tiktok", "press"];
    private static readonly string[] Statuses = ["planned", "in-progress", "published", "published", "published", "missed", "cancelled"];

    public static async Task<int> RunAsync(BenchmarkSettings settings)
    {
        var units = UnitDirectory.Load();
        var regencies = units.Below(Province).Where(u => u.Level == UnitLevel.Regency).ToList();
        var year = DateTime.UtcNow.Year;
        Console.WriteLine($"Calendar benchmark{(settings.Quick ? " (--quick)" : "")} on {Environment.ProcessorCount} cores: {regencies.Count} regencies × {ItemsPerMonth} items a month × 12 months ({year})");

        await BenchmarkInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await BenchmarkInfrastructure.FreshVirtualHostAsync(VirtualHost);
        using var host = await BenchmarkInfrastructure.StartEventingHostAsync(Database, rabbitMq, eventing =>
        {
            eventing.RunOutboxRelay = false;
            eventing.MigrationsFrom(typeof(CalendarSetup).Assembly);
        });
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();

        var seeding = Stopwatch.StartNew();
        var rows = await SeedAsync(db, regencies, year);
        Console.WriteLine($"Seeded {rows:N0} items in {seeding.Elapsed.TotalSeconds:0.0} s");

        var iterations = settings.Quick ? 30 : 200;
        var month = new DateOnly(year, 6, 1);
        var query = new ViewQuery(units.Find(Province)!, month, month.AddMonths(1).AddDays(-1), null, null, null, null, null);
        var feedUnit = regencies[0];
        var today = new DateOnly(year, 12, 31);

        // Alternate the three so that drift in the machine's load touches each alike.
        var baseline = new List<double>();
        var rollUp = new List<double>();
        var feed = new List<double>();
        long feedBytes = 0;
        for (var i = 0; i < iterations + 5; i++)
        {
            var warm = i < 5;
            var t = await TimeAsync(async () =>
            {
                await using var connection = await db.OpenConnectionAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            });
            if (!warm) baseline.Add(t);
            t = await TimeAsync(async () =>
            {
                await using var connection = await db.OpenConnectionAsync();
                var result = await RollUp.QueryAsync(connection, query, units, CancellationToken.None);
                if (result.Units.Count != regencies.Count) throw new InvalidOperationException($"The roll-up lists {result.Units.Count} units, not {regencies.Count}.");
            });
            if (!warm) rollUp.Add(t);
            t = await TimeAsync(async () =>
            {
                await using var connection = await db.OpenConnectionAsync();
                var ics = FeedRenderer.Render(await FeedQueries.LoadAsync(connection, feedUnit, internalToo: false, today, CancellationToken.None));
                feedBytes = ics.Length;
            });
            if (!warm) feed.Add(t);
        }

        Console.WriteLine();
        Console.WriteLine($"{iterations} timed runs each (5 warm-up runs not counted); the feed of {feedUnit.Id} is {feedBytes / 1024:N0} KiB");
        var baseP50 = Statistics.Percentile(baseline, 50);
        var baseP95 = Statistics.Percentile(baseline, 95);
        ConsoleTable.Print(["measurement", "p50 ms", "p95 ms", "p50 / SELECT 1", "p95 / SELECT 1"],
        [
            Row("SELECT 1 round-trip (baseline)", baseline, baseP50, baseP95),
            Row($"province roll-up, one month ({Province})", rollUp, baseP50, baseP95),
            Row($"public iCalendar feed, one regency", feed, baseP50, baseP95),
        ]);
        var rollUpP95 = Statistics.Percentile(rollUp, 95);
        Console.WriteLine();
        Console.WriteLine($"Target: roll-up p95 under {RollUpTargetMs:0} ms on this machine: {(rollUpP95 < RollUpTargetMs ? "met" : "NOT met")} ({rollUpP95:0.0} ms).");
        await host.StopAsync();
        return 0;
    }

    private static IReadOnlyList<string> Row(string name, List<double> values, double baseP50, double baseP95)
    {
        var p50 = Statistics.Percentile(values, 50);
        var p95 = Statistics.Percentile(values, 95);
        return [name, $"{p50:0.00}", $"{p95:0.00}", $"{p50 / baseP50:0.0}×", $"{p95 / baseP95:0.0}×"];
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Rows as the calendar's projection writes them, for every regency and month; statuses, kinds and channels spread evenly.</summary>
    private static async Task<long> SeedAsync(NpgsqlDataSource db, IReadOnlyList<Unit> regencies, int year)
    {
        var random = new Random(2024);
        await using var connection = await db.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY publications (publication_id, unit_id, institution, province_code, time_zone, title, kind, channels, owner, visibility, planned_at, agenda_date,
                status, late, unplanned, version, updated_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var unit in regencies)
            for (var month = 1; month <= 12; month++)
            for (var i = 0; i < ItemsPerMonth; i++)
            {
                var day = new DateOnly(year, month, 1 + random.Next(DateTime.DaysInMonth(year, month)));
                var local = new DateTimeOffset(day.ToDateTime(new TimeOnly(7 + random.Next(12), random.Next(4) * 15)), unit.TimeZone.UtcOffset);
                var status = Statuses[random.Next(Statuses.Length)];
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(unit.Id, NpgsqlDbType.Text);
                await writer.WriteAsync("kpu", NpgsqlDbType.Text);
                await writer.WriteAsync(unit.ProvinceCode!, NpgsqlDbType.Text);
                await writer.WriteAsync(unit.TimeZone.IanaId, NpgsqlDbType.Text);
                await writer.WriteAsync($"Rencana publikasi {month}-{i}", NpgsqlDbType.Text);
                await writer.WriteAsync(Kinds[random.Next(Kinds.Length)], NpgsqlDbType.Text);
                await writer.WriteAsync(new[] { Channels[random.Next(Channels.Length)], Channels[random.Next(Channels.Length)] }.Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync("humas-officer", NpgsqlDbType.Text);
                await writer.WriteAsync(random.Next(3) == 0 ? "internal" : "public", NpgsqlDbType.Text);
                await writer.WriteAsync(local.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(day, NpgsqlDbType.Date);
                await writer.WriteAsync(status, NpgsqlDbType.Text);
                await writer.WriteAsync(status == "published" && random.Next(5) == 0, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(local.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE publications", connection)) await analyze.ExecuteNonQueryAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM publications", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
