using Humas.EndToEndTests.Infrastructure;
using Npgsql;

namespace Humas.EndToEndTests.Identity;

public sealed class AuditLogTests
{
    [Fact]
    public async Task Sign_ins_and_failures_are_recorded_by_account_id_in_a_table_nobody_can_rewrite()
    {
        var email = Portal.NewEmail("audited");
        const string password = "audited accounts sign in too";
        await Portal.RegisterAsync(email, password);
        using (var browser = await Browser.OpenAsync())
        {
            var login = await Browser.ParseAsync(await browser.GetAsync("/account/login"));
            await browser.SubmitAsync(login, new Dictionary<string, string> { ["email"] = email, ["password"] = "not the password at all" });
            await Portal.SignInAsync(browser, email, password);
        }

        await using var database = await Databases.OpenAsync("identity");
        await using var find = new NpgsqlCommand("""SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = upper(@email)""", database);
        find.Parameters.AddWithValue("email", email);
        var id = (string)(await find.ExecuteScalarAsync())!;
        await using var read = new NpgsqlCommand("SELECT kind FROM audit_log WHERE account_id = @id ORDER BY seq", database);
        read.Parameters.AddWithValue("id", id);
        var kinds = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) kinds.Add(reader.GetString(0));
        Assert.Equal(["registered", "email-confirmed", "sign-in-failed", "signed-in"], kinds);

        // The address is personal data: not in the audit log, not in the service's log.
        await using var leaks = new NpgsqlCommand("SELECT count(*) FROM audit_log WHERE audit_log::text ILIKE '%' || @email || '%'", database);
        leaks.Parameters.AddWithValue("email", email);
        Assert.Equal(0L, (long)(await leaks.ExecuteScalarAsync())!);
        var log = Path.Combine(Path.GetDirectoryName(Gateway.Ctl)!, ".humas", "logs", "identity.log");
        Assert.True(File.Exists(log), $"{log} is missing (the tests expect the system ./humas runs)");
        Assert.DoesNotContain(email, await File.ReadAllTextAsync(log), StringComparison.OrdinalIgnoreCase);

        // Append-only: even the database administrator cannot change or remove an entry.
        foreach (var sql in new[] { "UPDATE audit_log SET kind = 'nothing' WHERE account_id = @id", "DELETE FROM audit_log WHERE account_id = @id" })
        {
            await using var change = new NpgsqlCommand(sql, database);
            change.Parameters.AddWithValue("id", id);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => change.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }
    }
}
