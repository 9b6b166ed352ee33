using System.Security.Cryptography;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Identity;

namespace Humas.Identity.Accounts;

/// <summary>
/// Creates the first administrator of each body (national KPU and Bawaslu) when there is none.
/// The password is the configured one (Humas:Identity:FirstAdmins:KpuPassword, ...) or a
/// generated one, written to Humas:Identity:FirstAdmins:PasswordFile (mode 600) for the
/// operator to read once; it is never logged. At first sign-in the administrator sets up TOTP.
/// </summary>
public sealed class FirstAdmins(IServiceProvider services, IdentitySettings settings, ILogger<FirstAdmins> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HumasUser>>();
        var generated = new List<string>();
        var first = settings.FirstAdmins;
        foreach (var (unit, email, configured) in new[] { ("kpu", first.KpuEmail, first.KpuPassword), ("bawaslu", first.BawasluEmail, first.BawasluPassword) })
        {
            if (users.Users.Any(u => u.Role == HumasRoles.Admin && u.Unit == unit)) continue;
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
