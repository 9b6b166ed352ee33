using System.Security.Cryptography;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Humas.MediaRelations.Webhooks;
using Npgsql;

namespace Humas.IntegrationTests.MediaRelations;

/// <summary>
/// A webhook subscription's target on the real vault: sealed under the journalist's subject it opens
/// until the subject's key is erased, and never after; one written before targets were sealed (URL
/// in clear, secret under the service's key) still opens.
/// </summary>
public sealed class WebhookTargetTests : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private PersonalDataVault vault = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestInfrastructure.FreshDatabaseAsync("humas_test_webhook_targets");
        dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, connectionString, []).MigrateAsync(CancellationToken.None);
        vault = new PersonalDataVault(dataSource, new PersonalDataOptions { MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task A_sealed_target_opens_until_the_journalists_key_is_erased()
    {
        var (subject, subscription) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var target = new WebhookTarget("https://rina-wartawati.example.id/hook?token=pribadi-123", "rahasia-langganan-01");
        string sealedTarget;
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            sealedTarget = await vault.SealAsync(connection, transaction, subject, target, CancellationToken.None);
            await transaction.CommitAsync();
        }
        Assert.DoesNotContain("rina", sealedTarget, StringComparison.Ordinal);
        var stored = new StoredTarget(subject, sealedTarget, null, null);
        Assert.Equal(target, await stored.OpenAsync(vault, subscription, CancellationToken.None));
        // Bound to its subject: under another subject's key it does not open.
        await Assert.ThrowsAnyAsync<CryptographicException>(async () =>
        {
            var other = Guid.CreateVersion7();
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await vault.SealAsync(connection, transaction, other, "x", CancellationToken.None);
            await transaction.CommitAsync();
            await (stored with { Subject = other }).OpenAsync(vault, subscription, CancellationToken.None);
        });

        Assert.True(await vault.EraseAsync(subject, CancellationToken.None));
        Assert.Null(await stored.OpenAsync(vault, subscription, CancellationToken.None));
    }

    [Fact]
    public async Task A_target_written_before_targets_were_sealed_still_opens_and_an_emptied_one_opens_nothing()
    {
        var subscription = Guid.CreateVersion7();
        var old = new StoredTarget(null, null, "https://newsroom.example.org/hook", vault.SealSecret("rahasia-langganan-01", Webhooks.SecretContext(subscription)));
        Assert.Equal(new WebhookTarget("https://newsroom.example.org/hook", "rahasia-langganan-01"), await old.OpenAsync(vault, subscription, CancellationToken.None));
        // What the projection keeps of it once its journalist is erased.
        Assert.Null(await StoredTarget.None.OpenAsync(vault, subscription, CancellationToken.None));
    }
}
