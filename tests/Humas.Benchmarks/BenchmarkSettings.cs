namespace Humas.Benchmarks;

/// <summary>How long each measurement runs; --quick shortens rounds and the relay load for a smoke run.</summary>
public sealed record BenchmarkSettings(bool Quick)
{
    public const double TargetAppendRatio = 0.70;

    public int Rounds => 3;
    public TimeSpan RoundDuration => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(1.5);
    public IReadOnlyList<int> WriterCounts => [1, 8];
    public int RelayEvents => Quick ? 1_000 : 5_000;
    public int RelayWriters => 8;

    public static BenchmarkSettings FromArguments(string[] args) =>
        new(args.Any(a => a is "--quick" or "-q"));
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
