using System.Security.Claims;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;

namespace Humas.Identity.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next);

public static class AuditApi
{
    public static WebApplication MapAuditApi(this WebApplication app)
    {
        app.MapGet("/api/identity/audit", ReadAsync).WithTags("Audit").WithName("ReadAudit")
            .WithSummary("The audit log of the accounts of the units the administrator manages, newest first (a page of limit, before a seq)")
            .RequireAuthorization(HumasPolicies.Admin)
            .Produces<AuditPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The entries about the accounts of the units the administrator manages (a national administrator also sees the accounts without a unit), newest first.</summary>
    private static async Task<IResult> ReadAsync(ClaimsPrincipal caller, UnitDirectory units, AuditLog audit, long? before, int? limit)
    {
        var errors = new Validation();
        errors.FailWhen(limit is < 1 or > 500, "limit", "field.out-of-range", "limit", 1, 500);
        errors.FailWhen(before is < 1, "before", "field.out-of-range", "before", 1, long.MaxValue);
        errors.ThrowIfInvalid();
        var adminUnit = caller.FindFirstValue(HumasClaims.Unit) is { } unit && units.Find(unit) is { } found
            ? found
            : throw Refusal.Forbidden("account.admin-without-unit");
        var managed = units.Below(adminUnit.Id).Select(u => u.Id).ToList();
        var entries = await audit.ReadAsync(managed, adminUnit.Level == UnitLevel.National, before, limit ?? 100);
        return Results.Ok(new AuditPage(entries, entries.Count == (limit ?? 100) ? entries[^1].Seq : null));
    }
}
