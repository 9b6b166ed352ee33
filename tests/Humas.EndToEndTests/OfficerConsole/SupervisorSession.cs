using System.Net;
using Humas.EndToEndTests.Identity;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// A supervisor's first sign-in to the console: password, then the authenticator set up at the
/// provider (supervisors and administrators must use a second factor), then back to the console.
/// </summary>
public static class SupervisorSession
{
    public static async Task<ConsoleSession.Officer> SignedInAsync(Browser browser, string unitId)
    {
        var supervisor = await ConsoleSession.NewOfficerAsync(unitId, "supervisor");
        var challenge = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        var login = await Browser.ParseAsync(await browser.FollowAsync(challenge));
        var setup = await browser.FollowAsync(await browser.SubmitAsync(login,
            new Dictionary<string, string> { ["email"] = supervisor.Email, ["password"] = supervisor.Password }));
        Assert.StartsWith("/account/two-factor/setup", setup.RequestMessage!.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        var setupPage = await Browser.ParseAsync(setup);
        var key = setupPage.QuerySelector("#authenticator-key")!.TextContent.Trim();
        var console = await browser.FollowAsync(await browser.SubmitAsync(setupPage,
            new Dictionary<string, string> { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Equal("/console", console.RequestMessage!.RequestUri!.AbsolutePath);
        return supervisor;
    }
}
