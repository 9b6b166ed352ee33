using Humas.Eventing.Store;
using Humas.Identity;
using Humas.Identity.Accounts;
using Humas.Identity.Oidc;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenIddict.Abstractions;

namespace Humas.IntegrationTests.Identity;

/// <summary>
/// What identity writes at start-up, on the real PostgreSQL: the configured OIDC clients and the
/// first administrators. A start with nothing changed leaves the rows alone (it reads them in SQL
/// and compiles none of EF Core's queries); a changed redirect address or secret is written.
/// </summary>
public sealed class StartUpRegistrationTests : IAsyncLifetime
{
    private const string Database = "test_identity_start_up";
    private const string Portal = "humas-portal";
    private const string Machine = "humas-machine-test";
    private const string FirstSecret = "first-machine-secret-of-at-least-32-characters";
    private const string SecondSecret = "second-machine-secret-of-at-least-32-characters";
    private readonly string keys = Path.Combine(Path.GetTempPath(), $"humas-identity-test-{Guid.NewGuid():N}");
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);

    public Task DisposeAsync()
    {
        if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_start_with_the_clients_as_stored_writes_nothing_and_a_changed_address_or_secret_is_written()
    {
        await StartAndStopAsync(["http://localhost/signed-in"], FirstSecret);
        var created = await TokensAsync();
        Assert.Equal([Machine, Portal], created.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, await AdministratorsAsync());

        // A restart with the same configuration: no client and no administrator is written again.
        await StartAndStopAsync(["http://localhost/signed-in"], FirstSecret);
        Assert.Equal(created, await TokensAsync());
        Assert.Equal(2, await AdministratorsAsync());

        // A redirect address added: the portal is updated, the machine client left alone.
        await StartAndStopAsync(["http://localhost/signed-in", "https://humas.example.go.id/signed-in"], FirstSecret);
        var readdressed = await TokensAsync();
        Assert.NotEqual(created[Portal], readdressed[Portal]);
        Assert.Equal(created[Machine], readdressed[Machine]);
        Assert.Contains("https://humas.example.go.id/signed-in", await ColumnAsync(Portal, "RedirectUris"));

        // A new secret: written, and only the new one is accepted.
        await using var app = await StartAsync(["http://localhost/signed-in", "https://humas.example.go.id/signed-in"], SecondSecret);
        var resecreted = await TokensAsync();
        Assert.Equal(readdressed[Portal], resecreted[Portal]);
        Assert.NotEqual(readdressed[Machine], resecreted[Machine]);
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var machine = await manager.FindByClientIdAsync(Machine) ?? throw new InvalidOperationException("the machine client is gone");
        Assert.True(await manager.ValidateClientSecretAsync(machine, SecondSecret));
        Assert.False(await manager.ValidateClientSecretAsync(machine, FirstSecret));

        // And the start after that finds the new secret matching.
        await StartAndStopAsync(["http://localhost/signed-in", "https://humas.example.go.id/signed-in"], SecondSecret);
        Assert.Equal(resecreted, await TokensAsync());
    }

    private async Task StartAndStopAsync(string[] redirectUris, string machineSecret)
    {
        await using var app = await StartAsync(redirectUris, machineSecret);
    }

    /// <summary>Builds identity's services as a start does and runs its schema migration, client registration and first administrators.</summary>
    private async Task<WebApplication> StartAsync(string[] redirectUris, string machineSecret)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.PostgresServer,
            ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMqServer,
            ["Humas:Database"] = Database,
            ["Humas:Identity:Issuer"] = "http://127.0.0.1:8080/",
            ["Humas:Identity:AllowHttp"] = "true",
            ["Humas:Identity:KeysFolder"] = keys,
            ["Humas:Identity:Portal:PostLogoutRedirectUris:0"] = "http://localhost/signed-out",
            ["Humas:Identity:MachineClients:0:ClientId"] = Machine,
            ["Humas:Identity:MachineClients:0:ClientSecret"] = machineSecret,
            ["Humas:Identity:MachineClients:0:Role"] = "humas-officer",
            ["Humas:Identity:FirstAdmins:KpuPassword"] = "Kata-sandi-pertama-KPU-2026",
            ["Humas:Identity:FirstAdmins:BawasluPassword"] = "Kata-sandi-pertama-Bawaslu-2026",
        };
        for (var i = 0; i < redirectUris.Length; i++) settings[$"Humas:Identity:Portal:RedirectUris:{i}"] = redirectUris[i];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIdentityService();
        var app = builder.Build();
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        foreach (var service in app.Services.GetServices<IHostedService>().Where(s => s is ClientRegistration or FirstAdmins))
            await service.StartAsync(CancellationToken.None);
        return app;
    }

    /// <summary>Each client's concurrency token: OpenIddict's store gives it a new one at every write.</summary>
    private async Task<Dictionary<string, string>> TokensAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "ClientId", "ConcurrencyToken" FROM "OpenIddictApplications" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tokens = new Dictionary<string, string>();
        while (await reader.ReadAsync()) tokens[reader.GetString(0)] = reader.GetString(1);
        return tokens;
    }

    private async Task<string> ColumnAsync(string clientId, string column)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT "{column}" FROM "OpenIddictApplications" WHERE "ClientId" = @id""", connection);
        command.Parameters.AddWithValue("id", clientId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> AdministratorsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "AspNetUsers" WHERE "Role" = @role""", connection);
        command.Parameters.AddWithValue("role", Humas.ServiceDefaults.HumasRoles.Admin);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
