using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Humas.Identity.Accounts;

/// <summary>An account: its one role and, for an officer, the unit it acts for (e.g. kpu-33.21).</summary>
public sealed class HumasUser : IdentityUser
{
    public string Role { get; set; } = "";

    public string? Unit { get; set; }
}

/// <summary>
/// The accounts (ASP.NET Core Identity) and OpenIddict's applications, authorizations and tokens,
/// in the identity service's own database. The schema comes from the numbered SQL migrations
/// (identity-001 was generated from this model), not from EF Core migrations.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<HumasUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<HumasUser>(user =>
        {
            user.Property(u => u.Role).HasMaxLength(32).IsRequired();
            user.Property(u => u.Unit).HasMaxLength(32);
        });
    }
}

/// <summary>
/// How `dotnet ef dbcontext optimize` builds the model it compiles (CONTRIBUTING.md): the
/// provider and OpenIddict's entities as at run time, without a database connection.
/// </summary>
internal sealed class IdentityDbDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>().UseNpgsql().UseOpenIddict().Options);
}
