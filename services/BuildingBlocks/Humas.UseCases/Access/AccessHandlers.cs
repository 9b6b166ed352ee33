using System.Security.Claims;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Humas.UseCases.Access;

/// <summary>
/// The handlers behind <see cref="ActOn"/>; any one of them admitting the caller is enough.
/// Units oversee by hierarchy (<see cref="UnitDirectory.Oversees"/>): an officer acts for their
/// unit, a province for its regencies, a national unit for its whole body, and KPU and Bawaslu
/// never for each other.
/// </summary>
internal static class AccessHandlers
{
    public static string? UnitOf(ClaimsPrincipal user) => user.FindFirstValue(HumasClaims.Unit);

    internal sealed class Administrator : AuthorizationHandler<ActOn, ProtectedResource>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActOn requirement, ProtectedResource resource)
        {
            if (context.User.IsInRole(HumasRoles.Admin)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    internal sealed class UnitOfficer(UnitDirectory units) : AuthorizationHandler<ActOn, ProtectedResource>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActOn requirement, ProtectedResource resource)
        {
            if (requirement.Who.HasFlag(Actors.Officer)
                && requirement.OfficerRoles.Any(context.User.IsInRole)
                && UnitOf(context.User) is { } unit && units.Oversees(unit, resource.UnitId))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    internal sealed class UnitSupervisor(UnitDirectory units) : AuthorizationHandler<ActOn, ProtectedResource>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActOn requirement, ProtectedResource resource)
        {
            if (requirement.Who.HasFlag(Actors.Supervisor)
                && context.User.IsInRole(HumasRoles.Supervisor)
                && UnitOf(context.User) is { } unit && units.Oversees(unit, resource.UnitId))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    internal sealed class Requester(IHttpContextAccessor http, AccessCodeHasher codes) : AuthorizationHandler<ActOn, ProtectedResource>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActOn requirement, ProtectedResource resource)
        {
            if (requirement.Who.HasFlag(Actors.Requester) && resource.Requester is { } keys
                && (codes.Matches(http.HttpContext?.Request.Headers[ResourceAccess.AccessCodeHeader].FirstOrDefault(), keys.AccessCodeHash)
                    || IsOwnAccount(context.User, keys)))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }

        private static bool IsOwnAccount(ClaimsPrincipal user, RequesterKeys keys) =>
            keys.Account is not null && (user.IsInRole(HumasRoles.Citizen) || user.IsInRole(HumasRoles.Journalist))
            && user.FindFirstValue(HumasClaims.Subject) == keys.Account;
    }
}
