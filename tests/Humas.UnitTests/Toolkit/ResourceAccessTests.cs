using System.Security.Claims;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.UnitTests.Toolkit;

/// <summary>
/// The authorization handlers behind every resource check: an officer acts for their unit, a
/// province oversees its regencies, a national unit its whole body, KPU and Bawaslu never cross;
/// a requester by access code or by account; and one place decides 401, 404 and 403.
/// </summary>
public class ResourceAccessTests
{
    private static readonly string CodeHash = Humas.UnitTests.Ppid.Requests.AccessCodeTests.Hasher.Hash("ABCDEFGHJK");
    private readonly ServiceProvider services;
    private readonly ResourceAccess access;

    public ResourceAccessTests()
    {
        services = new ServiceCollection().AddLogging().AddSingleton(UnitDirectory.Load()).AddAuthorization().AddUseCases()
            .Configure<AccessCodeOptions>(o => o.Key = Humas.UnitTests.Ppid.Requests.AccessCodeTests.Key).BuildServiceProvider();
        access = services.GetRequiredService<ResourceAccess>();
    }

    private static ClaimsPrincipal User(string subject, string? unit, params string[] roles)
    {
        var claims = new List<Claim> { new(HumasClaims.Subject, subject) };
        claims.AddRange(roles.Select(r => new Claim(HumasClaims.Role, r)));
        if (unit is not null) claims.Add(new Claim(HumasClaims.Unit, unit));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", HumasClaims.Subject, HumasClaims.Role));
    }

    private HttpContext Http(ClaimsPrincipal? user = null, string? accessCode = null)
    {
        var http = new DefaultHttpContext { User = user ?? new ClaimsPrincipal(new ClaimsIdentity()), RequestServices = services };
        if (accessCode is not null) http.Request.Headers[ResourceAccess.AccessCodeHeader] = accessCode;
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return http;
    }

    [Theory]
    [InlineData("kpu-33.21", "kpu-33.21", true)]
    [InlineData("kpu-33", "kpu-33.21", true)]
    [InlineData("kpu", "kpu-33.21", true)]
    [InlineData("kpu-33.21", "kpu-33.22", false)]
    [InlineData("kpu-33.21", "kpu-33", false)]
    [InlineData("kpu-33", "kpu-34.01", false)]
    [InlineData("kpu", "bawaslu-33.21", false)]
    [InlineData("bawaslu-33", "kpu-33.21", false)]
    public async Task An_officer_acts_for_their_unit_and_the_units_it_oversees_within_their_body(string officerUnit, string resourceUnit, bool allowed)
    {
        var user = User("o-1", officerUnit, HumasRoles.PpidOfficer);
        Assert.Equal(allowed, await access.AllowsAsync(user, new ProtectedResource(resourceUnit), ActOn.PpidOfficer));
    }

    [Fact]
    public async Task A_humas_officer_is_not_a_ppid_officer_but_is_an_officer_where_any_officer_may_act()
    {
        var user = User("h-1", "kpu-33.21", HumasRoles.HumasOfficer);
        Assert.False(await access.AllowsAsync(user, new ProtectedResource("kpu-33.21"), ActOn.PpidOfficer));
        Assert.True(await access.AllowsAsync(user, new ProtectedResource("kpu-33.21"), ActOn.AnyOfficer));
    }

    [Fact]
    public async Task An_administrator_acts_for_every_unit_and_a_citizen_for_none()
    {
        Assert.True(await access.AllowsAsync(User("a-1", null, HumasRoles.Admin), new ProtectedResource("bawaslu-91.01"), ActOn.Supervisor));
        Assert.False(await access.AllowsAsync(User("c-1", "kpu-33.21", HumasRoles.Citizen), new ProtectedResource("kpu-33.21"), ActOn.PpidOfficer));
    }

    [Fact]
    public async Task A_requester_proves_the_request_is_theirs_by_its_access_code_or_by_the_account_that_registered_it()
    {
        var request = new ProtectedResource("kpu-33.21", new RequesterKeys(CodeHash, "citizen-7"));
        Http(accessCode: " abcdefghjk ");
        Assert.True(await access.AllowsAsync(new ClaimsPrincipal(new ClaimsIdentity()), request, ActOn.Requester));
        Http(accessCode: "ZZZZZZZZZZ");
        Assert.False(await access.AllowsAsync(new ClaimsPrincipal(new ClaimsIdentity()), request, ActOn.Requester));
        Http();
        Assert.True(await access.AllowsAsync(User("citizen-7", null, HumasRoles.Citizen), request, ActOn.Requester));
        Assert.False(await access.AllowsAsync(User("citizen-8", null, HumasRoles.Citizen), request, ActOn.Requester));
    }

    [Fact]
    public async Task Who_proves_nothing_gets_401_even_for_what_does_not_exist_then_404_then_403()
    {
        var request = new ProtectedResource("kpu-33.21", new RequesterKeys(CodeHash, null));

        var anonymous = await Assert.ThrowsAsync<Refusal>(() => access.DemandAsync(Http(), null, ActOn.RequesterOrPpidOfficer, "request.not-found", "X"));
        Assert.Equal(RefusalKind.Unauthenticated, anonymous.Kind);

        var missing = await Assert.ThrowsAsync<Refusal>(() => access.DemandAsync(Http(accessCode: "ABCDEFGHJK"), null, ActOn.RequesterOrPpidOfficer, "request.not-found", "X"));
        Assert.Equal((RefusalKind.NotFound, "request.not-found"), (missing.Kind, missing.Code));

        var wrongCode = await Assert.ThrowsAsync<Refusal>(() => access.DemandAsync(Http(accessCode: "ZZZZZZZZZZ"), request, ActOn.RequesterOrPpidOfficer, "request.not-found", "X"));
        Assert.Equal(RefusalKind.Forbidden, wrongCode.Kind);

        var otherUnit = await Assert.ThrowsAsync<Refusal>(() => access.DemandAsync(Http(User("o-2", "kpu-33.22", HumasRoles.PpidOfficer)), request, ActOn.PpidOfficer, "request.not-found", "X"));
        Assert.Equal((RefusalKind.Forbidden, "auth.not-for-unit"), (otherUnit.Kind, otherUnit.Code));

        await access.DemandAsync(Http(accessCode: "ABCDEFGHJK"), request, ActOn.RequesterOrPpidOfficer, "request.not-found", "X");
    }
}
