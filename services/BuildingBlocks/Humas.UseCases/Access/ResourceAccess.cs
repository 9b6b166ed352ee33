using System.Security.Claims;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Humas.UseCases.Access;

/// <summary>What authorization needs to know of a resource: the unit it belongs to and, for a request, its requester's keys.</summary>
public sealed record ProtectedResource(string UnitId, RequesterKeys? Requester = null);

/// <summary>How a requester proves a request is theirs: the hash of its access code, or the account that registered it.</summary>
public sealed record RequesterKeys(string AccessCodeHash, string? Account);

/// <summary>Who may act on a resource. An administrator always may.</summary>
[Flags]
public enum Actors
{
    /// <summary>An officer (in one of the requirement's officer roles) of the resource's unit or of a unit overseeing it.</summary>
    Officer = 1,

    /// <summary>The atasan PPID: a supervisor of the resource's unit or of a unit overseeing it.</summary>
    Supervisor = 2,

    /// <summary>The requester, by access code (header X-Access-Code) or by the account (a citizen's or a journalist's) that registered the resource.</summary>
    Requester = 4,

    Administrator = 8,
}

/// <summary>A resource-based requirement, checked by the handlers in <see cref="AccessHandlers"/>.</summary>
public sealed record ActOn(Actors Who, IReadOnlyList<string> OfficerRoles) : IAuthorizationRequirement
{
    public static readonly string[] PpidOfficerRoles = [HumasRoles.PpidOfficer, HumasRoles.Supervisor];
    public static readonly string[] AnyOfficerRoles = [HumasRoles.PpidOfficer, HumasRoles.HumasOfficer, HumasRoles.Supervisor];

    public static readonly ActOn PpidOfficer = new(Actors.Officer, PpidOfficerRoles);
    public static readonly ActOn AnyOfficer = new(Actors.Officer, AnyOfficerRoles);
    public static readonly ActOn Supervisor = new(Actors.Supervisor, []);
    public static readonly ActOn Requester = new(Actors.Requester, []);
    public static readonly ActOn RequesterOrPpidOfficer = new(Actors.Requester | Actors.Officer, PpidOfficerRoles);
    public static readonly ActOn Administrator = new(Actors.Administrator, []);
}

/// <summary>
/// The one place that decides between 401, 403 and 404 for a resource: a caller who proves
/// nothing (no token, no access code) gets 401 whether or not the resource exists, so that
/// existence does not leak; then a missing resource is 404; then a caller the handlers do not
/// admit is 403.
/// </summary>
public sealed class ResourceAccess(IAuthorizationService authorization)
{
    public const string AccessCodeHeader = "X-Access-Code";

    public Task<bool> AllowsAsync(ClaimsPrincipal user, ProtectedResource resource, ActOn requirement) =>
        authorization.AuthorizeAsync(user, resource, requirement).ContinueWith(t => t.Result.Succeeded, TaskScheduler.Default);

    /// <summary>Refuses unless the caller may act on the resource; <paramref name="resource"/> null means it does not exist.</summary>
    public async Task DemandAsync(HttpContext http, ProtectedResource? resource, ActOn requirement, string notFoundCode, object? key)
    {
        if (!ProvesSomething(http, requirement))
            throw Refusal.Unauthenticated(requirement.Who.HasFlag(Actors.Requester) ? "auth.access-code-required" : "auth.unauthenticated");
        if (resource is null) throw Refusal.NotFound(notFoundCode, key);
        if (await AllowsAsync(http.User, resource, requirement)) return;
        throw requirement.Who switch
        {
            Actors.Supervisor => Refusal.Forbidden("auth.supervisor-only", resource.UnitId),
            Actors.Administrator => Refusal.Forbidden("auth.administrator-only"),
            var who when who.HasFlag(Actors.Requester) => Refusal.Forbidden("auth.access-code-mismatch"),
            _ => Refusal.Forbidden("auth.not-for-unit", resource.UnitId),
        };
    }

    /// <summary>Refuses unless the caller acts for the unit (lists and registers by unit).</summary>
    public Task DemandForUnitAsync(HttpContext http, string unitId, ActOn requirement) =>
        DemandAsync(http, new ProtectedResource(unitId), requirement, "resource.not-found", unitId);

    private static bool ProvesSomething(HttpContext http, ActOn requirement) =>
        http.User.Identity?.IsAuthenticated == true
        || (requirement.Who.HasFlag(Actors.Requester) && !string.IsNullOrWhiteSpace(http.Request.Headers[AccessCodeHeader]));
}
