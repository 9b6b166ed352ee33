using System.Security.Cryptography;
using System.Text;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Humas.IntegrationTests.PersonalData;

/// <summary>
/// The vault's promises on the real database: sealed data opens only as its own subject's, the
/// master key can be replaced without losing what it protected, and what earlier versions sealed
/// stays readable.
/// </summary>
public sealed class PersonalDataVaultTests : IAsyncLifetime
{
    private sealed record Details(string Name, string Nik);

    private static readonly string FirstKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string SecondKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestInfrastructure.FreshDatabaseAsync("humas_test_vault");
        dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, connectionString, []).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private PersonalDataVault Vault(string masterKey, params string[] previousKeys)
    {
        var settings = new Dictionary<string, string?> { ["Humas:PersonalData:MasterKey"] = masterKey };
        for (var i = 0; i < previousKeys.Length; i++) settings[$"Humas:PersonalData:PreviousMasterKeys:{i}"] = previousKeys[i];
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Humas:PersonalData").Get<PersonalDataOptions>()!;
        return new PersonalDataVault(dataSource, options);
    }

    private async Task<string> SealAsync(PersonalDataVault vault, Guid subject, Details details)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var sealedValue = await vault.SealAsync(connection, transaction, subject, details, CancellationToken.None);
        await transaction.CommitAsync();
        return sealedValue;
    }

    [Fact]
    public async Task A_subjects_key_moved_to_another_subject_opens_nothing()
    {
        var vault = Vault(FirstKey);
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var aliceSealed = await SealAsync(vault, alice, new Details("Alice", "3321015708900001"));
        await SealAsync(vault, bob, new Details("Bob", "3321015708900002"));
        Assert.Equal("Alice", (await vault.OpenAsync<Details>(alice, aliceSealed, CancellationToken.None))!.Name);

        // Someone with write access to the table gives Bob Alice's wrapped key: Alice's data must not open as Bob's.
        await using (var swap = dataSource.CreateCommand(
            "UPDATE personal_data_keys SET wrapped_key = (SELECT wrapped_key FROM personal_data_keys WHERE subject_id = @alice) WHERE subject_id = @bob"))
        {
            swap.Parameters.AddWithValue("alice", alice);
            swap.Parameters.AddWithValue("bob", bob);
            await swap.ExecuteNonQueryAsync();
        }
        await Assert.ThrowsAnyAsync<CryptographicException>(() => vault.OpenAsync<Details>(bob, aliceSealed, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_master_key_with_the_old_one_kept_as_previous_opens_what_the_old_one_protected()
    {
        var subject = Guid.CreateVersion7();
        var sealedValue = await SealAsync(Vault(FirstKey), subject, new Details("Siti", "3321015708900003"));

        var rotated = Vault(SecondKey, FirstKey);
        Assert.Equal("Siti", (await rotated.OpenAsync<Details>(subject, sealedValue, CancellationToken.None))!.Name);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => Vault(SecondKey).OpenAsync<Details>(subject, sealedValue, CancellationToken.None));

        // Once every key is re-wrapped by the new master key, the old one can go.
        Assert.True(await rotated.RewrapAsync(CancellationToken.None) >= 1);
        Assert.Equal("Siti", (await Vault(SecondKey).OpenAsync<Details>(subject, sealedValue, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Data_sealed_in_the_first_format_stays_readable()
    {
        // The first format: the subject's key wrapped by the master key and the data sealed by it, both AES-GCM without associated data.
        var subject = Guid.CreateVersion7();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        await using (var insert = dataSource.CreateCommand("INSERT INTO personal_data_keys (subject_id, wrapped_key) VALUES (@subject, @key)"))
        {
            insert.Parameters.AddWithValue("subject", subject);
            insert.Parameters.AddWithValue("key", FirstFormat(Convert.FromBase64String(FirstKey), dataKey));
            await insert.ExecuteNonQueryAsync();
        }
        var sealedValue = "v1:" + Convert.ToBase64String(FirstFormat(dataKey, Encoding.UTF8.GetBytes("""{"name":"Lama","nik":"3321015708900004"}""")));

        Assert.Equal(new Details("Lama", "3321015708900004"), await Vault(FirstKey).OpenAsync<Details>(subject, sealedValue, CancellationToken.None));
        Assert.Equal(new Details("Lama", "3321015708900004"), await Vault(SecondKey, FirstKey).OpenAsync<Details>(subject, sealedValue, CancellationToken.None));
    }

    private static byte[] FirstFormat(byte[] key, byte[] plaintext)
    {
        var output = new byte[28 + plaintext.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plaintext, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }
}
