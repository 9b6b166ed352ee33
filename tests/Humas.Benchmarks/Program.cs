using Humas.Benchmarks;

if (args.FirstOrDefault() == "clarifications") return ClarificationsMatchingBenchmark.Run(args[1..]);

var settings = BenchmarkSettings.FromArguments(args);
if (args.FirstOrDefault() == "media")
{
    if (await BenchmarkInfrastructure.FindUnreachableAsync() is { } unreachable)
    {
        Console.Error.WriteLine(unreachable);
        return 1;
    }
    return await MediaFeedBenchmark.RunAsync(settings);
}
if (args.Contains("calendar"))
{
    if (await BenchmarkInfrastructure.FindUnreachableAsync() is { } unreachable)
    {
        Console.Error.WriteLine(unreachable);
        return 1;
    }
    return await CalendarBenchmark.RunAsync(settings);
}
Console.WriteLine($"Humas event store benchmarks{(settings.Quick ? " (--quick)" : "")} on {Environment.ProcessorCount} cores");

if (await BenchmarkInfrastructure.FindUnreachableAsync() is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

// The append host runs no relay and has no consumers, but its bus still connects: keep it off the default virtual host.
var rabbitMq = await BenchmarkInfrastructure.FreshVirtualHostAsync(RelayThroughputBenchmark.VirtualHost);

Console.WriteLine();
Console.WriteLine($"[1/2] Append vs insert on database {AppendVersusInsertBenchmark.Database}");
var appendRates = await AppendVersusInsertBenchmark.RunAsync(rabbitMq, settings);

Console.WriteLine();
Console.WriteLine($"[2/2] Relay throughput on database {RelayThroughputBenchmark.Database}, virtual host {RelayThroughputBenchmark.VirtualHost}");
rabbitMq = await BenchmarkInfrastructure.FreshVirtualHostAsync(RelayThroughputBenchmark.VirtualHost);
var relay = await RelayThroughputBenchmark.RunAsync(rabbitMq, settings);

AppendVersusInsertBenchmark.Print(appendRates, settings);
RelayThroughputBenchmark.Print(relay);
return 0;
