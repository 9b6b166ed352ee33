using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Humas.Benchmarks;

/// <summary>
/// `./humas bench load`: a mix of what citizens, journalists and the public do on an election day,
/// driven through the gateway of the running system. First the mix's capacity is measured closed
/// loop (a fixed number of callers, each sending its next request when the last was answered);
/// its share per core is the per-core figure deploy/CAPACITY.md rests on. Then the same mix is
/// offered open loop at a multiple of that per-core figure (by default 1.5: three quarters of a
/// two-core machine), and throughput, latency percentiles (measured from when each request was
/// due, so a stall counts against every request it held up) and errors are reported per kind.
/// Every caller is one of many citizens: the gateway trusts X-Forwarded-For from loopback (a
/// known proxy by default), and each request names its citizen in it,
/// so the per-address limits stay in force and no citizen exceeds them.
/// </summary>
public static class LoadBenchmark
{
    /// <summary>One kind of request of the mix, its weight, and how to make one.</summary>
    private sealed record Kind(string Name, int Weight, Func<int, HttpRequestMessage> Make);

    /// <summary>How many different client addresses the requests come from.</summary>
    private const int Citizens = 50_000;

    private static readonly string[] Units = ["kpu-33.21", "kpu-33.22", "kpu-35.01", "bawaslu-33.21", "kpu-31.71", "kpu-73.71"];

    private static readonly string[] Claims =
    [
        "surat suara sudah dicoblos sebelum hari pemungutan",
        "kotak suara dibawa pulang petugas kpps malam hari",
        "pemilih tanpa ktp elektronik tidak boleh mencoblos",
        "hasil hitung cepat sudah ditetapkan kpu sebagai hasil resmi",
        "server kpu diretas dan suara dipindahkan ke calon lain",
    ];

    /// <summary>The election-day mix: mostly reads of pages, deadlines, feeds and claim checks; some registrations.</summary>
    private static readonly Kind[] Mix =
    [
        new("portal page", 30, i => Get(i % 3 == 0 ? "/" : i % 3 == 1 ? $"/{Units[i % Units.Length]}" : "/pemilu")),
        new("deadline", 15, i => Get($"/api/ppid/deadlines?unitId={Units[i % Units.Length]}&receivedAt=2026-11-{10 + i % 10:D2}T10:00:00%2B07:00")),
        new("information list", 10, i => Get($"/api/ppid/information-list?unitId={Units[i % Units.Length]}")),
        new("feed (atom)", 15, i => Get($"/api/media/feeds/atom?unitId={(i % 2 == 0 ? "kpu-33" : Units[i % Units.Length])}")),
        new("claim check", 15, i => Get("/api/clarifications/matches?text=" + Uri.EscapeDataString(Claims[i % Claims.Length]))),
        new("election stages", 10, i => Get("/api/calendar/elections")),
        new("registration", 5, i => Register(i)),
    ];

    private static readonly int[] Cumulative = Mix.Select((_, i) => Mix.Take(i + 1).Sum(k => k.Weight)).ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = new Uri(Option(args, "--gateway") ?? "http://127.0.0.1:8080/");
        var quick = args.Contains("--quick");
        var multiple = double.Parse(Option(args, "--multiple") ?? "1.5", CultureInfo.InvariantCulture);
        var callers = int.Parse(Option(args, "--callers") ?? "16", CultureInfo.InvariantCulture);
        var seconds = quick ? 5 : 20;
        if (multiple is <= 0 or > 10 || callers is < 1 or > 512)
        {
            Console.Error.WriteLine("bench load: --multiple between 0 and 10, --callers between 1 and 512");
            return 2;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(10) };
        foreach (var kind in Mix)
        {
            using var probe = await http.SendAsync(kind.Make(0).From(0));
            if (!Success(probe.StatusCode))
            {
                Console.Error.WriteLine($"bench load: {kind.Name} ({probe.RequestMessage?.RequestUri}) answered {(int)probe.StatusCode}; is the system up (./humas up)?");
                return 1;
            }
        }

        Console.WriteLine($"Load test through the gateway {gateway}{(quick ? " (--quick)" : "")} on {Environment.ProcessorCount} cores; load average {RelayThroughputBenchmark.LoadAverage()}");
        Console.WriteLine("Mix: " + string.Join(", ", Mix.Select(k => $"{k.Name} {k.Weight}%")));

        await ClosedLoopAsync(http, callers, TimeSpan.FromSeconds(quick ? 2 : 10)); // warm-up: JIT, caches, connection pools
        var capacity = await ClosedLoopAsync(http, callers, TimeSpan.FromSeconds(seconds));
        var perCore = capacity.Throughput / Environment.ProcessorCount;
        Console.WriteLine();
        Console.WriteLine($"Capacity, closed loop with {callers} callers for {seconds} s: {capacity.Throughput:0} requests/s on the machine, {perCore:0} per core");
        capacity.Print();

        var offered = perCore * multiple;
        var open = await OpenLoopAsync(http, offered, TimeSpan.FromSeconds(seconds));
        Console.WriteLine();
        Console.WriteLine($"Offered {offered:0} requests/s ({multiple:0.##} × one core's capacity) for {seconds} s, open loop:");
        open.Print();
        Console.WriteLine();
        Console.WriteLine($"served/offered = {open.Throughput / offered:0.00}; errors {open.Errors} of {open.Count} ({100.0 * open.Errors / Math.Max(1, open.Count):0.00} %)");
        Console.WriteLine($"load average at the end: {RelayThroughputBenchmark.LoadAverage()}");
        return 0;
    }

    private static async Task<Result> ClosedLoopAsync(HttpClient http, int callers, TimeSpan duration)
    {
        var result = new Result();
        var counter = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref counter);
                var started = clock.Elapsed;
                await SendAsync(http, i, result, clock, started);
            }
        }));
        result.Elapsed = clock.Elapsed;
        return result;
    }

    private static async Task<Result> OpenLoopAsync(HttpClient http, double perSecond, TimeSpan duration)
    {
        var result = new Result();
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        var total = (int)(perSecond * duration.TotalSeconds);
        for (var i = 1; i <= total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            pending.Add(SendAsync(http, i, result, clock, due));
        }
        await Task.WhenAll(pending);
        result.Elapsed = duration;
        return result;
    }

    private static async Task SendAsync(HttpClient http, int i, Result result, Stopwatch clock, TimeSpan due)
    {
        var kind = Pick(i);
        HttpStatusCode? status = null;
        try
        {
            using var response = await http.SendAsync(kind.Make(i).From(i));
            await response.Content.LoadIntoBufferAsync();
            status = response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }
        result.Add(kind.Name, clock.Elapsed - due, status);
    }

    private static Kind Pick(int i)
    {
        // A fixed shuffle of the index over the weights (the mix repeats every 100 requests).
        var slot = (int)((uint)(i * 2654435761u) % 100);
        return Mix[Array.FindIndex(Cumulative, c => slot < c)];
    }

    private static bool Success(HttpStatusCode status) => (int)status is >= 200 and < 400;

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path.TrimStart('/'));

    private static HttpRequestMessage Register(int i)
    {
        var unit = Units[i % Units.Length];
        var request = new HttpRequestMessage(HttpMethod.Post, "api/ppid/requests")
        {
            Content = JsonContent.Create(new
            {
                unitId = unit,
                requester = new { type = "individual", fullName = "Pemohon Uji Beban", nik = "3321015708900001", address = "Jl. Uji 1, Demak", phone = "081234567890" },
                informationRequested = "Salinan berita acara rekapitulasi tingkat kecamatan",
                purpose = "Pemantauan pemilu",
                obtainBy = new[] { "copy" },
                deliveryBy = "email",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>Each request comes from one of many citizens, so that none exceeds the per-address limits.</summary>
    private static HttpRequestMessage From(this HttpRequestMessage request, int i)
    {
        var citizen = i % Citizens;
        request.Headers.Add("X-Forwarded-For", $"10.{citizen / 65536}.{citizen / 256 % 256}.{citizen % 256}");
        return request;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private sealed class Result
    {
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
        private readonly ConcurrentDictionary<string, int> statuses = new();
        private int count;
        private int errors;

        public TimeSpan Elapsed { get; set; }
        public int Count => count;
        public int Errors => errors;
        public double Throughput => count / Elapsed.TotalSeconds;

        public void Add(string kind, TimeSpan latency, HttpStatusCode? status)
        {
            Interlocked.Increment(ref count);
            latencies.GetOrAdd(kind, _ => []).Add(latency.TotalMilliseconds);
            if (status is { } s && Success(s)) return;
            Interlocked.Increment(ref errors);
            statuses.AddOrUpdate($"{kind}: {(status is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "no answer")}", 1, (_, n) => n + 1);
        }

        public void Print()
        {
            var rows = Mix.Select(k => k.Name).Where(latencies.ContainsKey)
                .Select(name => Row(name, latencies[name].ToArray()))
                .Append(Row("all", latencies.Values.SelectMany(v => v).ToArray()));
            ConsoleTable.Print(["kind", "requests", "p50 ms", "p95 ms", "p99 ms"], rows);
            foreach (var (what, n) in statuses.OrderBy(s => s.Key)) Console.WriteLine($"  error {what} × {n}");
        }

        private static IReadOnlyList<string> Row(string name, double[] values)
        {
            Array.Sort(values);
            string At(double q) => values.Length == 0 ? "-" : values[Math.Min(values.Length - 1, (int)(q * values.Length))].ToString("0.0", CultureInfo.InvariantCulture);
            return [name, values.Length.ToString(CultureInfo.InvariantCulture), At(0.50), At(0.95), At(0.99)];
        }
    }
}
