using System.Diagnostics;

namespace Humas.TestSupport;

/// <summary>
/// The repository's ./humas script, as tests and benchmarks call it: to create virtual hosts and
/// to stop and start PostgreSQL or RabbitMQ. HUMAS_CTL names it when the caller runs elsewhere.
/// </summary>
public static class HumasControl
{
    public static string Script => Environment.GetEnvironmentVariable("HUMAS_CTL") ?? Path.Combine(RepositoryRoot(), "humas");

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        if (!File.Exists(Script)) throw new InvalidOperationException($"The control script {Script} is missing; set HUMAS_CTL to the repository's ./humas.");
        var start = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Humas.sln"))) directory = directory.Parent;
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
