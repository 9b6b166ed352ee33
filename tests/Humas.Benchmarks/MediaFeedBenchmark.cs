using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Humas.Eventing.Store;
using Humas.MediaRelations;
using Humas.MediaRelations.Feeds;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;
using Humas.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Humas.Benchmarks;

/// <summary>
/// `./humas bench media`: 10,000 published releases seeded over a province's regencies (Jawa
/// Tengah), then the province's Atom feed from the MediaRelations service measured with wrk:
/// rendered afresh for every request (the service run with Humas:Media:Feeds:Cache=false), served
/// from its cache, and answered 304 to If-None-Match; against nginx serving the same bytes as a
/// static file, in the same run on the same machine. Prints requests per second and the ratios.
/// Target: the cached feed at least half of nginx's static rate.
/// </summary>
public static partial class MediaFeedBenchmark
{
    public const string Database = "bench_mediarelations";
    public const string VirtualHost = "bench-mediarelations";
    public const string Province = "kpu-33";
    public const int Releases = 10_000;
    public const double CachedTarget = 0.5;

    public static async Task<int> RunAsync(BenchmarkSettings settings)
    {
        var repository = HumasControl.RepositoryRoot();
        var dll = Path.Combine(repository, "services", "MediaRelations", "Humas.MediaRelations", "bin", "Release", "net10.0", "Humas.MediaRelations.dll");
        if (!File.Exists(dll)) return Fail($"{dll} is missing: build first (./humas build).");
        foreach (var tool in new[] { "/usr/sbin/nginx", Which("wrk") })
            if (tool is null || !File.Exists(tool)) return Fail("wrk and nginx are needed: ./humas bench media installs them.");

        var units = UnitDirectory.Load();
        var regencies = units.Below(Province).Where(u => u.Level == UnitLevel.Regency).ToList();
        var seconds = settings.Quick ? 3 : 10;
        var run = (Seconds: seconds, WarmUp: settings.Quick ? 2 : 20);
        Console.WriteLine($"MediaRelations feed benchmark{(settings.Quick ? " (--quick)" : "")} on {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        await BenchmarkInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await BenchmarkInfrastructure.FreshVirtualHostAsync(VirtualHost);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(rabbitMq, regencies);
        Console.WriteLine($"Seeded {Releases:N0} published releases over {regencies.Count} regencies in {seeding.Elapsed.TotalSeconds:0.0} s");

        var work = Directory.CreateTempSubdirectory("humas-bench-media-");
        var feedPath = $"/api/media/feeds/atom?unitId={Province}";
        var results = new Dictionary<string, Wrk>();
        try
        {
            string etag;
            byte[] body;
            var port = FreePort();
            using (var fresh = await StartServiceAsync(dll, port, rabbitMq, cache: false, work.FullName))
            {
                (etag, body) = await FetchAsync($"http://127.0.0.1:{port}{feedPath}");
                results["fresh"] = await RunWrkAsync($"http://127.0.0.1:{port}{feedPath}", null, run);
            }
            // The same port: the feed's links (and so its bytes and ETag) name the address it is served at.
            using (var cached = await StartServiceAsync(dll, port, rabbitMq, cache: true, work.FullName))
            {
                var (cachedTag, cachedBody) = await FetchAsync($"http://127.0.0.1:{port}{feedPath}");
                if (cachedTag != etag || !cachedBody.AsSpan().SequenceEqual(body)) return Fail("the cached feed differs from the fresh one");
                results["cached"] = await RunWrkAsync($"http://127.0.0.1:{port}{feedPath}", null, run);
                results["304"] = await RunWrkAsync($"http://127.0.0.1:{port}{feedPath}", $"If-None-Match: {etag}", run);
            }
            var nginxPort = FreePort();
            using (await StartNginxAsync(work.FullName, nginxPort, body))
            {
                var (_, staticBody) = await FetchAsync($"http://127.0.0.1:{nginxPort}/feed.atom");
                if (!staticBody.AsSpan().SequenceEqual(body)) return Fail("nginx does not serve the same bytes");
                results["nginx"] = await RunWrkAsync($"http://127.0.0.1:{nginxPort}/feed.atom", null, run);
            }
            Print(results, body.Length, run);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task SeedAsync(string rabbitMq, IReadOnlyList<Unit> regencies)
    {
        using var host = await BenchmarkInfrastructure.StartEventingHostAsync(Database, rabbitMq, eventing =>
        {
            eventing.RunOutboxRelay = false;
            eventing.Event<PressReleaseDrafted>("press-release-drafted")
                .Event<PressReleaseSubmitted>("press-release-submitted")
                .Event<PressReleaseApproved>("press-release-approved")
                .Event<PressReleasePublishedInternally>("press-release-published")
                .MigrationsFrom(typeof(MediaSetup).Assembly)
                .InlineProjection<ReleaseFeedProjection>();
        }, services => services.AddSingleton<MarkdownRenderer>());
        var store = host.Services.GetRequiredService<EventStore>();
        var start = DateTimeOffset.UtcNow.AddDays(-400);
        await Parallel.ForEachAsync(Enumerable.Range(0, Releases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var id = Guid.CreateVersion7();
            var unit = regencies[i % regencies.Count];
            var at = start.AddMinutes(i * 55);
            var body = new ReleaseBody(unit.Id, $"Siaran pers {i:N0}: {unit.Name} menyampaikan tahapan pemilu", "Ringkasan tahapan untuk wartawan.",
                $"Rapat pleno **terbuka** {unit.Name} membahas tahapan ke-{i % 12 + 1}.\n\n- Daftar pemilih\n- Logistik\n- Kampanye", "id",
                [i % 2 == 0 ? "pemilu" : "daftar-pemilih"], unit.Name, "Bagian Humas", "Kepala Subbagian", "+62 24 8311111", null);
            var drafted = ReleaseWorkflow.Draft(body, id, "author", at);
            var state = PressRelease.Evolve(PressRelease.Initial, drafted);
            await store.AppendAsync(PressRelease.StreamId(id), PressRelease.StreamType, ExpectedVersion.NoStream,
                [drafted, new PressReleaseSubmitted(id, "author", at), new PressReleaseApproved(id, "reviewer", at), ReleaseWorkflow.PublishedNow(state, null, at.AddMinutes(5))],
                new EventMetadata(Actor: "bench"), ct);
        });
        await host.StopAsync();
    }

    private sealed class Running(Process process, Action? cleanUp = null) : IDisposable
    {
        public void Dispose()
        {
            try { if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(20_000); } }
            finally { process.Dispose(); cleanUp?.Invoke(); }
        }
    }

    private static async Task<Running> StartServiceAsync(string dll, int port, string rabbitMq, bool cache, string work)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Postgres"] = BenchmarkInfrastructure.PostgresServer;
        start.Environment["ConnectionStrings__RabbitMq"] = rabbitMq;
        start.Environment["Humas__Database"] = Database;
        start.Environment["Humas__Media__Feeds__Cache"] = cache ? "true" : "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var log = Path.Combine(work, $"service-{port}.log");
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new Running(process, writer.Dispose);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode) return running;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        running.Dispose();
        throw new InvalidOperationException($"MediaRelations did not become ready on port {port}: {File.ReadAllText(log)}");
    }

    private static async Task<Running> StartNginxAsync(string work, int port, byte[] feed)
    {
        // nginx's workers run as an unprivileged user: they must be able to read the file.
        const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(work, Readable);
        var root = Directory.CreateDirectory(Path.Combine(work, "www")).FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, Readable);
        await File.WriteAllBytesAsync(Path.Combine(root, "feed.atom"), feed);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(root, "feed.atom"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var conf = Path.Combine(work, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            worker_processes auto;
            pid {{work}}/nginx.pid;
            error_log {{work}}/nginx-error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                keepalive_requests 100000;
                client_body_temp_path {{work}}/body;
                proxy_temp_path {{work}}/proxy;
                fastcgi_temp_path {{work}}/fastcgi;
                uwsgi_temp_path {{work}}/uwsgi;
                scgi_temp_path {{work}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                    location = /feed.atom { default_type "application/atom+xml; charset=utf-8"; }
                }
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", work, "-c", conf, "-e", Path.Combine(work, "nginx-error.log"), "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        var running = new Running(Process.Start(start)!);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 50; i++)
        {
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/feed.atom")).IsSuccessStatusCode) return running;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        running.Dispose();
        var errors = Path.Combine(work, "nginx-error.log");
        throw new InvalidOperationException($"nginx did not start on port {port}: {(File.Exists(errors) ? File.ReadAllText(errors) : "")}");
    }

    private static async Task<(string ETag, byte[] Body)> FetchAsync(string url)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (response.Headers.ETag?.Tag ?? "", await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>One wrk run; <paramref name="Timeouts"/> requests got no answer within 5 s and are not in the latencies.</summary>
    private sealed record Wrk(double RequestsPerSecond, string P50, string P99, int Timeouts);

    /// <summary>
    /// One target: loaded for RUN.WarmUp s, then measured for RUN.Seconds s. The warm-up covers
    /// connection pools, the JIT's first compilation and its second, profile-guided one, which
    /// replaces the hot paths some seconds after they first ran (measured after a 2 s warm-up, the
    /// cached feed ran at about half the rate it reaches once recompiled; docs/performance.md).
    /// </summary>
    private static async Task<Wrk> RunWrkAsync(string url, string? header, (int Seconds, int WarmUp) run)
    {
        await WrkAsync(url, header, run.WarmUp);
        return await WrkAsync(url, header, run.Seconds);
    }

    private static async Task<Wrk> WrkAsync(string url, string? header, int seconds)
    {
        var start = new ProcessStartInfo(Which("wrk")!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", "-c32", $"-d{seconds}s", "--timeout", "5s", "--latency" }) start.ArgumentList.Add(argument);
        if (header is not null) { start.ArgumentList.Add("-H"); start.ArgumentList.Add(header); }
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // A refused connection, a broken read or write, or a wrong status is an error. A request still
        // unanswered after 5 s (a slow fresh feed on a busy machine) is counted and shown instead.
        var socket = SocketErrors().Match(output);
        int Count(string kind) => socket.Success ? int.Parse(socket.Groups[kind].Value, CultureInfo.InvariantCulture) : 0;
        if (process.ExitCode != 0 || output.Contains("Non-2xx or 3xx", StringComparison.Ordinal) || Count("connect") + Count("read") + Count("write") > 0)
            throw new InvalidOperationException($"wrk against {url} saw errors:\n{output}{await process.StandardError.ReadToEndAsync()}");
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new Wrk(rps, Percentile(output, "50%"), Percentile(output, "99%"), Count("timeout"));
    }

    private static string Percentile(string output, string which) =>
        Regex.Match(output, $@"^\s+{Regex.Escape(which)}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrors();

    private static void Print(Dictionary<string, Wrk> results, int bytes, (int Seconds, int WarmUp) run)
    {
        Console.WriteLine();
        Console.WriteLine($"GET Atom feed of {Province} (50 newest of {Releases:N0}, {bytes:N0} bytes); wrk 2 threads, 32 connections, {run.Seconds} s each after a {run.WarmUp} s warm-up");
        ConsoleTable.Print(["served", "requests/s", "p50", "p99", "timeouts (5 s)"], new[] { "fresh", "cached", "304", "nginx" }.Select(name =>
            (IReadOnlyList<string>)[name == "nginx" ? "nginx static file" : name == "304" ? "304 (If-None-Match)" : name,
                results[name].RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture), results[name].P50, results[name].P99,
                results[name].Timeouts.ToString(CultureInfo.InvariantCulture)]));
        var nginx = results["nginx"].RequestsPerSecond;
        var cached = results["cached"].RequestsPerSecond / nginx;
        Console.WriteLine();
        Console.WriteLine($"fresh/nginx  = {results["fresh"].RequestsPerSecond / nginx:0.00}");
        Console.WriteLine($"cached/nginx = {cached:0.00}: {(cached >= CachedTarget ? "MEETS" : "MISSES")} the target of >= {CachedTarget:0.00}");
        Console.WriteLine($"304/nginx    = {results["304"].RequestsPerSecond / nginx:0.00}");
        Console.WriteLine($"cached/fresh = {results["cached"].RequestsPerSecond / results["fresh"].RequestsPerSecond:0.00}");
        Console.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"bench media: {message}");
        return 1;
    }
}
