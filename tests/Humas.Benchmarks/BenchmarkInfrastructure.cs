using Humas.TestSupport;
using System.Net.Sockets;
using Humas.Eventing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Humas.Benchmarks;

/// <summary>The PostgreSQL and RabbitMQ that `./humas infra up` starts, a fresh database and virtual host per benchmark, and a host wired like a service.</summary>
public static class BenchmarkInfrastructure
{
    public const string HowToStart = "Start it with `./humas infra up` (or run the benchmarks with `./humas bench`).";

    public static string PostgresServer => HumasEnvironment.PostgresServer;
    public static string RabbitMqServer => HumasEnvironment.RabbitMqServer;
    private static string Ctl => HumasControl.Script;

    /// <summary>Null when both are reachable; otherwise what is missing and how to start it.</summary>
    public static async Task<string?> FindUnreachableAsync()
    {
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false, Timeout = 5 };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return $"PostgreSQL is not reachable at {Redacted(PostgresServer)}: {e.Message}. {HowToStart}";
        }

        var broker = new Uri(RabbitMqServer);
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(broker.Host, broker.IsDefaultPort ? 5672 : broker.Port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return $"RabbitMQ is not reachable at {broker.Host}:{broker.Port}: {e.Message}. {HowToStart}";
        }
        return null;
    }

    public static async Task FreshDatabaseAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
            await drop.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Deletes and recreates a virtual host; returns the amqp:// URI that points at it.</summary>
    public static async Task<string> FreshVirtualHostAsync(string name)
    {
        await RunCtlAsync("rabbitmqctl", "delete_vhost", name);
        var (code, output) = await RunCtlAsync("rabbitmqctl", "add_vhost", name);
        if (code != 0) throw new InvalidOperationException($"rabbitmqctl add_vhost {name} exited {code}: {output.Trim()}. {HowToStart}");
        (code, output) = await RunCtlAsync("rabbitmqctl", "set_permissions", "-p", name, "humas", ".*", ".*", ".*");
        if (code != 0) throw new InvalidOperationException($"rabbitmqctl set_permissions -p {name} exited {code}: {output.Trim()}");
        return new UriBuilder(RabbitMqServer) { Path = "/" + Uri.EscapeDataString(name) }.Uri.ToString();
    }

    /// <summary>A generic host wired as a service wires its eventing, started and with its bus connected.</summary>
    public static async Task<IHost> StartEventingHostAsync(
        string database, string rabbitMqUri, Action<EventingBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = PostgresServer,
            ["ConnectionStrings:RabbitMq"] = rabbitMqUri,
            ["Humas:PersonalData:MasterKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddEventing("benchmarks", database, eventing =>
        {
            eventing.Event<BenchEventRecorded>("bench-event-recorded");
            configure(eventing);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
        return host;
    }


    private static Task<(int ExitCode, string Output)> RunCtlAsync(params string[] arguments) => HumasControl.RunAsync(arguments);

    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;

}
