using System.Security.Claims;
using Humas.Identity.Audit;
using Humas.Identity.Mail;
using Humas.Identity.Pages;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Identity;

namespace Humas.Identity.Accounts;

public sealed record CreateOfficer(string? Email, string? Role, string? UnitId);

public sealed record ChangeAssignment(string? Role, string? UnitId);

public sealed record OfficerView(string Id, string Role, string UnitId, bool EmailConfirmed, bool TwoFactorEnabled);

/// <summary>
/// Administrators manage the officers of their own body and level: a unit's administrator
/// the unit and the units below it (a province its regencies, the national body all of its
/// own), never another body's. The new officer sets a password through the link mailed to them.
/// </summary>
public static class AccountApi
{
    public static readonly string[] OfficerRoles = [HumasRoles.PpidOfficer, HumasRoles.HumasOfficer, HumasRoles.Supervisor, HumasRoles.Admin];

    public static WebApplication MapAccountApi(this WebApplication app)
    {
        var officers = app.MapGroup("/api/identity/officers").WithTags("Officers").RequireAuthorization(HumasPolicies.Admin);
        officers.MapPost("/", CreateAsync).WithName("CreateOfficer")
            .WithSummary("Creates an officer account of a unit the administrator manages; the officer is mailed a link to choose a password")
            .Produces<OfficerView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPut("/{id}/assignment", ChangeAsync).WithName("ChangeOfficerAssignment")
            .WithSummary("Changes an officer's role and unit, both within the units the administrator manages (recorded in the audit log)")
            .Produces<OfficerView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string AdminUnit(ClaimsPrincipal user) =>
        user.FindFirstValue(HumasClaims.Unit) ?? throw Refusal.Forbidden("account.admin-without-unit");

    internal static void CheckAssignment(Validation errors, string? role, string? unitId, UnitDirectory units)
    {
        if (string.IsNullOrWhiteSpace(role)) errors.Add("role", "field.required", "role");
        else errors.FailWhen(!OfficerRoles.Contains(role), "role", "field.unknown-value", "role", role, string.Join(", ", OfficerRoles));
        if (string.IsNullOrWhiteSpace(unitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
    }

    private static async Task<IResult> CreateAsync(CreateOfficer body, ClaimsPrincipal caller, UnitDirectory units,
        UserManager<HumasUser> users, AccountMails mails, AuditLog audit)
    {
        var errors = new Validation();
        if (AccountPages.EmailProblem(body.Email) is { } emailProblem) errors.Add("email", emailProblem, "email");
        CheckAssignment(errors, body.Role, body.UnitId, units);
        errors.ThrowIfInvalid();
        var adminUnit = AdminUnit(caller);
        if (!units.Oversees(adminUnit, body.UnitId!)) throw Refusal.Forbidden("account.unit-not-managed", body.UnitId, adminUnit);
        if (await users.FindByEmailAsync(body.Email!) is not null) throw Refusal.Conflict("account.email-taken");

        var user = new HumasUser { UserName = body.Email, Email = body.Email, Role = body.Role!, Unit = body.UnitId };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw Refusal.Conflict("account.email-taken");
        await audit.RecordAsync(AuditKinds.OfficerCreated, user, actorId: caller.FindFirstValue(HumasClaims.Subject));
        await mails.SendPasswordResetAsync(user, newAccount: true);
        return Results.Created($"/api/identity/officers/{user.Id}", View(user));
    }

    private static async Task<IResult> ChangeAsync(string id, ChangeAssignment body, ClaimsPrincipal caller, UnitDirectory units,
        UserManager<HumasUser> users, AuditLog audit)
    {
        var errors = new Validation();
        CheckAssignment(errors, body.Role, body.UnitId, units);
        errors.ThrowIfInvalid();
        var adminUnit = AdminUnit(caller);
        var user = await users.FindByIdAsync(id);
        // An officer outside the administrator's reach is as unknown to them as a missing one.
        if (user is null || user.Unit is null || !units.Oversees(adminUnit, user.Unit)) throw Refusal.NotFound("account.not-found", id);
        if (!units.Oversees(adminUnit, body.UnitId!)) throw Refusal.Forbidden("account.unit-not-managed", body.UnitId, adminUnit);
        var (previousRole, previousUnit) = (user.Role, user.Unit);
        user.Role = body.Role!;
        user.Unit = body.UnitId;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditKinds.AssignmentChanged, user, caller.FindFirstValue(HumasClaims.Subject), previousRole, previousUnit);
        return Results.Ok(View(user));
    }

    private static OfficerView View(HumasUser user) => new(user.Id, user.Role, user.Unit!, user.EmailConfirmed, user.TwoFactorEnabled);
}
