using Humas.TestSupport;
using Npgsql;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>
/// Direct reads of the services' databases, for what no API shows (what is stored in clear).
/// Unpooled: the database-outage test restarts PostgreSQL, which kills pooled connections.
/// </summary>
public static class Databases
{
    private static string Server => HumasEnvironment.PostgresServer;

    public static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
