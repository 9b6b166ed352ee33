namespace Humas.Benchmarks;

/// <summary>
/// CPU time used by the processes a benchmark shares the machine with, read from /proc: all of
/// PostgreSQL's processes, RabbitMQ's Erlang VM and this process. Counted per process between two
/// readings: a process started in between counts from its start, and one that ended in between
/// is not counted (its time can no longer be read).
/// </summary>
public static class ProcessCpu
{
    /// <summary>Each process's group and its CPU ticks so far, by process id.</summary>
    public sealed record Reading(IReadOnlyDictionary<string, (string Group, long Ticks)> Processes);

    private const string PostgreSql = "PostgreSQL", RabbitMq = "RabbitMQ", Self = "this benchmark";
    private static readonly string[] Groups = [PostgreSql, RabbitMq, Self];
    private const double MillisecondsPerTick = 10; // USER_HZ is 100 on Linux

    public static Reading Sample()
    {
        var processes = new Dictionary<string, (string, long)>();
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
            string? group = pid == self ? Self : name.StartsWith("postgres", StringComparison.Ordinal) ? PostgreSql : name.StartsWith("beam", StringComparison.Ordinal) ? RabbitMq : null;
            if (group is null) continue;
            // After the name: state is field 3 of stat(5), utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            processes[pid] = (group, long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        return new Reading(processes);
    }

    /// <summary>"CPU per event: PostgreSQL 1.6 ms, ..." between two readings.</summary>
    public static string PerEvent(Reading before, Reading after, int events)
    {
        var ticks = after.Processes
            .GroupBy(p => p.Value.Group, p => p.Value.Ticks - (before.Processes.TryGetValue(p.Key, out var earlier) ? earlier.Ticks : 0))
            .ToDictionary(g => g.Key, g => g.Sum());
        var parts = Groups.Select(g => (Group: g, Ms: ticks.GetValueOrDefault(g) * MillisecondsPerTick / events)).ToArray();
        return $"CPU per event: {string.Join(", ", parts.Select(p => $"{p.Group} {p.Ms:0.00} ms"))} (together {parts.Sum(p => p.Ms):0.00} ms)";
    }
}
