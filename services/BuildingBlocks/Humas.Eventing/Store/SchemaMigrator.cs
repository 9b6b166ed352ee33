using Npgsql;

namespace Humas.Eventing.Store;

/// <summary>A named, append-only change to a service's schema. Once applied, never edited.</summary>
public sealed record SchemaMigration(string Id, string Sql);

/// <summary>
/// Creates the service's database if it is missing and applies the store's own migrations
/// (the Migrations/*.sql files of this assembly) followed by the service's, each once, in
/// order, under an advisory lock so that several replicas starting together do not race.
/// </summary>
public sealed class SchemaMigrator
{
    private const long MigrationLockKey = 0x68756d6173; // "humas"

    private readonly NpgsqlDataSource dataSource;
    private readonly string connectionString;

    public SchemaMigrator(NpgsqlDataSource dataSource, string connectionString, IEnumerable<SchemaMigration> serviceMigrations)
    {
        this.dataSource = dataSource;
        this.connectionString = connectionString;
        Migrations = [.. EmbeddedMigrations.From(typeof(SchemaMigrator).Assembly), .. serviceMigrations];
        var duplicates = Migrations.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new InvalidOperationException($"Schema migrations: the id(s) {string.Join(", ", duplicates)} appear more than once.");
    }

    /// <summary>Every migration in the order it is applied: the store's, then the service's.</summary>
    public IReadOnlyList<SchemaMigration> Migrations { get; }

    public async Task MigrateAsync(CancellationToken ct)
    {
        await EnsureDatabaseExistsAsync(connectionString, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, "SELECT pg_advisory_lock(@key)", ct, ("key", MigrationLockKey));
        try
        {
            await Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", ct);
            foreach (var migration in Migrations)
                await ApplyOnceAsync(connection, migration, ct);
        }
        finally
        {
            await Execute(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", MigrationLockKey));
        }
    }

    private static async Task ApplyOnceAsync(NpgsqlConnection connection, SchemaMigration migration, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE id = @id", connection, tx);
        check.Parameters.AddWithValue("id", migration.Id);
        if (await check.ExecuteScalarAsync(ct) is not null) return;
        await using (var apply = new NpgsqlCommand(migration.Sql, connection, tx))
            await apply.ExecuteNonQueryAsync(ct);
        await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES (@id)", connection, tx))
        {
            record.Parameters.AddWithValue("id", migration.Id);
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Connects to the service's database, creating it only when it does not exist (and the role
    /// may create databases): a service's role may be allowed to connect to its own database only.
    /// </summary>
    public static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var database = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(ct);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Missing: create it below.
        }
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is "42P04" or PostgresErrors.UniqueViolation)
        {
            // Another replica created it in the meantime.
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
