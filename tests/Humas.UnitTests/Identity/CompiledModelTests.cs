using Humas.Identity.Accounts;
using Humas.Identity.Accounts.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Humas.UnitTests.Identity;

/// <summary>
/// Identity runs on the EF Core model compiled into Accounts/CompiledModel. A change to
/// IdentityDb's model (or to the Identity or OpenIddict entities after an upgrade) must be
/// compiled again (CONTRIBUTING.md); this test says so when it was not.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_describes_the_same_tables_columns_keys_and_indexes_as_IdentityDb()
    {
        using var db = new IdentityDbDesignTimeFactory().CreateDbContext([]);
        var built = db.GetService<IDesignTimeModel>().Model;

        var expected = Describe(built);
        var compiled = Describe(IdentityDbModel.Instance);
        Assert.True(expected.Count > 50, $"The model described only {expected.Count} facts: the description misses them.");
        var missing = expected.Except(compiled).ToList();
        var extra = compiled.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Accounts/CompiledModel is out of date with IdentityDb. Compile it again (CONTRIBUTING.md, \"Identity's compiled EF Core model\").\n" +
            $"Only in IdentityDb: {string.Join("; ", missing)}\nOnly in the compiled model: {string.Join("; ", extra)}");
    }

    private static List<string> Describe(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(Describe).ToList();

    private static IEnumerable<string> Describe(IEntityType entity)
    {
        var name = entity.Name;
        yield return $"{name}: table {entity.GetTableName()}";
        foreach (var p in entity.GetProperties())
            yield return $"{name}.{p.Name}: {p.ClrType.Name} column {p.GetColumnName()} max {p.GetMaxLength()} null {p.IsNullable} " +
                $"concurrency {p.IsConcurrencyToken} generated {p.ValueGenerated}";
        foreach (var key in entity.GetKeys())
            yield return $"{name}: key ({string.Join(", ", key.Properties.Select(p => p.Name))}) primary {key.IsPrimaryKey()}";
        foreach (var index in entity.GetIndexes())
            yield return $"{name}: index {index.GetDatabaseName()} ({string.Join(", ", index.Properties.Select(p => p.Name))}) unique {index.IsUnique}";
        foreach (var fk in entity.GetForeignKeys())
            yield return $"{name}: foreign key ({string.Join(", ", fk.Properties.Select(p => p.Name))}) to {fk.PrincipalEntityType.Name} " +
                $"required {fk.IsRequired} delete {fk.DeleteBehavior}";
        foreach (var navigation in entity.GetNavigations())
            yield return $"{name}: navigation {navigation.Name} to {navigation.TargetEntityType.Name}";
    }
}
