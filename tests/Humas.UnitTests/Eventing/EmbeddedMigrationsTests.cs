using Humas.Eventing.Store;

namespace Humas.UnitTests.Eventing;

public sealed class EmbeddedMigrationsTests
{
    [Fact]
    public void The_store_migrations_keep_the_ids_databases_have_recorded_in_their_order() =>
        Assert.Equal(["store-001-streams-and-events", "store-002-outbox-inbox-checkpoints", "store-003-idempotency-keys", "store-004-personal-data-key-ids",
                "store-005-outbox-dead-letters"],
            EmbeddedMigrations.From(typeof(EmbeddedMigrations).Assembly).Select(m => m.Id));

    [Fact]
    public void The_ppid_migrations_keep_the_ids_databases_have_recorded_in_number_order()
    {
        var migrations = EmbeddedMigrations.From(typeof(Humas.Ppid.PpidSetup).Assembly);
        Assert.Equal(["ppid-001-request-register", "ppid-002-request-lifecycle", "ppid-003-objection-register", "ppid-004-dip-entries", "ppid-005-request-accounts", "ppid-006-personal-data-reveals",
                "ppid-007-objections-follow-routed-requests", "ppid-008-due-date-recomputations", "ppid-009-periodic-obligations",
                "ppid-010-annual-report-figures"],
            migrations.Select(m => m.Id));
        Assert.StartsWith("CREATE TABLE ppid_requests (", migrations[0].Sql);
    }

    [Fact]
    public void Files_are_applied_in_number_order_whatever_order_the_assembly_lists_them_in() =>
        Assert.Equal(["x-001-a", "x-002-b", "x-003-c"], Ordered("x-003-c.sql", "x-001-a.sql", "x-002-b.sql").Select(m => m.Id));

    [Fact]
    public void The_sql_is_the_file_content() =>
        Assert.Equal("SQL of x-001-a.sql", Assert.Single(Ordered("x-001-a.sql")).Sql);

    [Fact]
    public void Two_files_with_one_number_fail_naming_both()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Ordered("x-001-a.sql", "x-002-b.sql", "x-002-c.sql"));
        Assert.Contains("number 002 is used by more than one file (x-002-b.sql, x-002-c.sql)", e.Message);
    }

    [Fact]
    public void A_gap_in_the_numbers_fails_naming_the_missing_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Ordered("x-001-a.sql", "x-002-b.sql", "x-004-d.sql"));
        Assert.Contains("number 003 is missing", e.Message);
    }

    [Fact]
    public void Numbers_start_at_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Ordered("x-002-b.sql"));
        Assert.Contains("number 001 is missing", e.Message);
    }

    [Theory]
    [InlineData("001-a.sql")]
    [InlineData("x-1-a.sql")]
    [InlineData("x-001.sql")]
    [InlineData("X-001-a.sql")]
    [InlineData("x-001-a b.sql")]
    public void A_file_not_named_prefix_number_name_fails(string fileName)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Ordered(fileName));
        Assert.Contains($"'Migrations/{fileName}' is not named '<prefix>-<NNN>-<name>.sql'", e.Message);
    }

    [Fact]
    public void Files_of_one_assembly_share_one_prefix()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Ordered("x-001-a.sql", "y-002-b.sql"));
        Assert.Contains("more than one prefix (x, y)", e.Message);
    }

    [Fact]
    public void An_assembly_without_migration_files_fails_saying_how_to_embed_them()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EmbeddedMigrations.From(typeof(EmbeddedMigrationsTests).Assembly));
        Assert.Contains("embeds no Migrations/*.sql file", e.Message);
    }

    private static IReadOnlyList<SchemaMigration> Ordered(params string[] fileNames) =>
        EmbeddedMigrations.Ordered("Test.Assembly", fileNames.Select(name => (name, (Func<string>)(() => $"SQL of {name}"))).ToList());
}
