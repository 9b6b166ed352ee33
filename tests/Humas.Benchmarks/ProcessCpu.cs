namespace Humas.Benchmarks;

/// <summary>
/// CPU time used by the processes a benchmark shares the machine with, read from /proc: all of
/// PostgreSQL's processes, RabbitMQ's Erlang VM and this process. A process that started or ended
/// between two samples counts only its part inside them.
/// </summary>
public static class ProcessCpu
{
    public sealed record Reading(IReadOnlyDictionary<string, long> Ticks);

    private static readonly string[] Groups = ["PostgreSQL", "RabbitMQ", "this benchmark"];
    private const double MillisecondsPerTick = 10; // USER_HZ is 100 on Linux

    public static Reading Sample()
    {
        var ticks = new Dictionary<string, long>();
        var self = Environment.ProcessId.ToString();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(directory);
            if (!pid.All(char.IsAsciiDigit)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(directory, "stat")); }
            catch (IOException) { continue; } // the process has ended
            catch (UnauthorizedAccessException) { continue; }
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            string? group = pid == self ? Groups[2] : name.StartsWith("postgres", StringComparison.Ordinal) ? Groups[0] : name.StartsWith("beam", StringComparison.Ordinal) ? Groups[1] : null;
            if (group is null) continue;
            // After the name: state is field 3 of stat(5), utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            ticks[group] = ticks.GetValueOrDefault(group) + long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        return new Reading(ticks);
    }

    /// <summary>"CPU per event: PostgreSQL 1.6 ms, ..." between two samples.</summary>
    public static string PerEvent(Reading before, Reading after, int events)
    {
        var parts = Groups.Select(g => (Group: g, Ms: (after.Ticks.GetValueOrDefault(g) - before.Ticks.GetValueOrDefault(g)) * MillisecondsPerTick / events)).ToArray();
        return $"CPU per event: {string.Join(", ", parts.Select(p => $"{p.Group} {p.Ms:0.00} ms"))} (together {parts.Sum(p => p.Ms):0.00} ms)";
    }
}
