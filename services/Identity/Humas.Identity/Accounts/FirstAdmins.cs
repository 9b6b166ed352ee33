using System.Security.Cryptography;
using Dapper;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Humas.Identity.Accounts;

/// <summary>
/// Creates the first administrator of each body (national KPU and Bawaslu) when there is none.
/// The password is the configured one (Humas:Identity:FirstAdmins:KpuPassword, ...) or a
/// generated one, written to Humas:Identity:FirstAdmins:PasswordFile (mode 600) for the
/// operator to read once; it is never logged. At first sign-in the administrator sets up TOTP.
/// Whether one exists is asked in SQL, so that a start with nothing to create does not compile
/// EF Core's query pipeline (see <see cref="Oidc.ClientRegistration"/>).
/// </summary>
public sealed class FirstAdmins(IServiceProvider services, IdentitySettings settings, NpgsqlDataSource dataSource, ILogger<FirstAdmins> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var generated = new List<string>();
        var first = settings.FirstAdmins;
        foreach (var (unit, email, configured) in new[] { ("kpu", first.KpuEmail, first.KpuPassword), ("bawaslu", first.BawasluEmail, first.BawasluPassword) })
        {
            if (await AdministratorExistsAsync(unit, ct)) continue;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HumasUser>>();
            var password = configured is { Length: > 0 } ? configured : Generate();
            var user = new HumasUser { UserName = email, Email = email, EmailConfirmed = true, Role = HumasRoles.Admin, Unit = unit };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"The first administrator of {unit} could not be created: {string.Join(", ", result.Errors.Select(e => e.Code))}");
            logger.LogInformation("Created the first administrator of {Unit}", unit);
            if (configured is not { Length: > 0 }) generated.Add($"{unit}: {email} {password}");
        }
        if (generated.Count > 0 && first.PasswordFile is { Length: > 0 } file)
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using var writer = new StreamWriter(file, options);
            foreach (var line in generated) await writer.WriteLineAsync(line);
        }
        else if (generated.Count > 0)
        {
            logger.LogWarning("Generated passwords for the first administrators but Humas:Identity:FirstAdmins:PasswordFile is not set; reset them by e-mail");
        }
    }

    private async Task<bool> AdministratorExistsAsync(string unit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """SELECT EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "Role" = @role AND "Unit" = @unit)""",
            new { role = HumasRoles.Admin, unit }, cancellationToken: ct));
    }

    private static string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
