namespace Humas.Benchmarks;

/// <summary>
/// How long each measurement runs; --quick shortens rounds and the relay load for a smoke run.
/// 'append' or 'relay' runs only that benchmark (both run when neither is named); 'media' and
/// 'calendar' run their own benchmark alone.
/// </summary>
public sealed record BenchmarkSettings(bool Quick, IReadOnlySet<string> Only)
{
    public const double TargetAppendRatio = 0.70;

    public int Rounds => 3;
    public TimeSpan RoundDuration => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(1.5);
    public IReadOnlyList<int> WriterCounts => [1, 8];
    public int RelayEvents => Quick ? 1_000 : 5_000;
    public int RelayWarmUpEvents => 200;
    public int RelayRounds => Quick ? 1 : 3;
    public int RelayWriters => 8;

    /// <summary>The fixed offered load at which latency is measured, and for how long.</summary>
    public double RelayOfferedLoad => 500;
    public TimeSpan RelayPacedDuration => Quick ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(20);

    /// <summary>Streams appended to at the fixed load: enough that a slow append does not hold up the next event.</summary>
    public int RelayPacedWriters => 32;

    public static readonly string[] Benchmarks = ["append", "relay", "media", "calendar"];

    public bool Runs(string benchmark) => Only.Count == 0 || Only.Contains(benchmark);

    public static BenchmarkSettings FromArguments(string[] args)
    {
        var unknown = args.Where(a => a is not ("--quick" or "-q") && !Benchmarks.Contains(a)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown argument(s): {string.Join(' ', unknown)}. Use --quick and/or one of: {string.Join(", ", Benchmarks)}.");
        return new(args.Any(a => a is "--quick" or "-q"), args.Where(Benchmarks.Contains).ToHashSet());
    }
}

/// <summary>A table of right-aligned columns for the console.</summary>
public static class ConsoleTable
{
    public static void Print(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        string Line(IReadOnlyList<string> row) => "  " + string.Join("  ", row.Select((cell, column) => cell.PadLeft(widths[column])));
        Console.WriteLine(Line(headers));
        Console.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all.Skip(1)) Console.WriteLine(Line(row));
    }
}
