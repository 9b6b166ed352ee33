using Humas.Benchmarks;

if (args.FirstOrDefault() == "clarifications") return ClarificationsMatchingBenchmark.Run(args[1..]);
if (args.FirstOrDefault() == "load") return await LoadBenchmark.RunAsync(args[1..]);

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
Console.WriteLine($"Humas event store benchmarks{(settings.Quick ? " (--quick)" : "")} on {Environment.ProcessorCount} cores; load average {RelayThroughputBenchmark.LoadAverage()}");

if (await BenchmarkInfrastructure.FindUnreachableAsync() is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

IReadOnlyList<AppendRates>? appendRates = null;
if (settings.Runs("append"))
{
    // The append host runs no relay and has no consumers, but its bus still connects: keep it off the default virtual host.
    var appendBroker = await BenchmarkInfrastructure.FreshVirtualHostAsync(RelayThroughputBenchmark.VirtualHost);
    Console.WriteLine();
    Console.WriteLine($"Append vs insert on database {AppendVersusInsertBenchmark.Database}");
    appendRates = await AppendVersusInsertBenchmark.RunAsync(appendBroker, settings);
}

RelayResult? relay = null;
if (settings.Runs("relay"))
{
    Console.WriteLine();
    Console.WriteLine($"Relay throughput on database {RelayThroughputBenchmark.Database}, virtual host {RelayThroughputBenchmark.VirtualHost}");
    var relayBroker = await BenchmarkInfrastructure.FreshVirtualHostAsync(RelayThroughputBenchmark.VirtualHost);
    relay = await RelayThroughputBenchmark.RunAsync(relayBroker, settings);
}

if (appendRates is not null) AppendVersusInsertBenchmark.Print(appendRates, settings);
if (relay is not null) RelayThroughputBenchmark.Print(relay, settings);
Console.WriteLine($"load average at the end: {RelayThroughputBenchmark.LoadAverage()}");
return 0;
