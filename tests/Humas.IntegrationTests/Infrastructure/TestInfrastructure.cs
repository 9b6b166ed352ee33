using Humas.TestSupport;
using Npgsql;

namespace Humas.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ that `./humas test` (or `./humas infra up`) starts. Each
/// test class gets a database and a virtual host of its own. Absent infrastructure fails the
/// test with the command that starts it; nothing is skipped.
/// </summary>
public static class TestInfrastructure
{
    private const string HowToStart = "Start it with `./humas infra up` (or run everything with `./humas test`).";

    public static string PostgresServer => HumasEnvironment.PostgresServer;
    public static string RabbitMqServer => HumasEnvironment.RabbitMqServer;
    public static string Ctl => HumasControl.Script;

    public static Task<(int ExitCode, string Output)> RunCtlAsync(params string[] arguments) => HumasControl.RunAsync(arguments);

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    public static string RabbitMqUri(string virtualHost) => new UriBuilder(RabbitMqServer) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri.ToString();

    /// <summary>Drops and creates a database: every test starts from an empty one.</summary>
    public static async Task<string> FreshDatabaseAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            // Pooled connections to the dropped database are dead now.
            NpgsqlConnection.ClearAllPools();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            Assert.Fail($"PostgreSQL is not reachable at {Redacted(PostgresServer)}: {e.Message}. {HowToStart}");
        }
        return ConnectionString(name);
    }

    /// <summary>Creates a virtual host for one test class (deleting an earlier one of the same name).</summary>
    public static async Task<string> FreshVirtualHostAsync(string name)
    {
        await RunCtlAsync("rabbitmqctl", "delete_vhost", name);
        var (code, output) = await RunCtlAsync("rabbitmqctl", "add_vhost", name);
        if (code != 0) Assert.Fail($"RabbitMQ is not reachable (rabbitmqctl add_vhost {name} exited {code}: {output.Trim()}). {HowToStart}");
        (code, output) = await RunCtlAsync("rabbitmqctl", "set_permissions", "-p", name, "humas", ".*", ".*", ".*");
        if (code != 0) Assert.Fail($"Could not grant permissions on virtual host {name}: {output.Trim()}");
        return RabbitMqUri(name);
    }


    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;

}
