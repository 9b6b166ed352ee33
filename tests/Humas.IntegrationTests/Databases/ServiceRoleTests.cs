using Humas.TestSupport;
using Npgsql;

namespace Humas.IntegrationTests.Databases;

/// <summary>
/// Each service reaches PostgreSQL with a role of its own that can connect to its own database
/// only, as `./humas infra up` sets them up (docker-compose.yml and deploy/k8s do the same).
/// </summary>
public sealed class ServiceRoleTests
{
    [Theory]
    [InlineData("ppid", "calendar")]
    [InlineData("calendar", "ppid")]
    public async Task A_services_role_connects_to_its_own_database_and_is_refused_by_another_services(string service, string other)
    {
        await using (var own = new NpgsqlConnection(ServicePostgres(service, database: service)))
        {
            try
            {
                await own.OpenAsync();
            }
            catch (PostgresException e)
            {
                Assert.Fail($"The role of service {service} cannot connect to database {service} ({e.SqlState}: {e.MessageText}). `./humas infra up` creates the roles.");
            }
            await using var owner = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()", own);
            Assert.Equal(HumasEnvironment.ServiceRole(service), await owner.ExecuteScalarAsync());
        }

        await using var foreign = new NpgsqlConnection(ServicePostgres(service, database: other));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => foreign.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private static string ServicePostgres(string service, string database) =>
        new NpgsqlConnectionStringBuilder(HumasEnvironment.PostgresServer)
        {
            Username = HumasEnvironment.ServiceRole(service), Password = HumasEnvironment.ServiceRole(service), Database = database, Pooling = false,
        }.ConnectionString;
}
