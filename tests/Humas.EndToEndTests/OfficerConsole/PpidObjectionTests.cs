using System.Net;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The objection register of a unit in the console and the atasan PPID's decision on an
/// objection's page: a PPID officer sees the register and who decides; the unit's supervisor
/// decides with reasons; a missing reason is shown by the field with the choice kept; a form shown
/// before another decision is refused with a clear message.
/// </summary>
public sealed class PpidObjectionTests
{
    [Fact]
    public async Task The_register_lists_an_objection_with_its_due_date_and_the_superior_decides_it_on_its_page()
    {
        var unit = Requests.RandomRegencyUnit();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RefusedAsync(citizen, clerk, unit);
        var filed = await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections",
            new { grounds = new[] { "refused-under-exemption" }, reasons = "Berita acara adalah informasi terbuka" }, 0, request.AccessCode));
        var number = filed.GetProperty("objectionNumber").GetString()!;
        var due = (await Steps.GetAsync(clerk, $"/api/ppid/objections/{number}")).GetProperty("decisionDueDate").GetString();

        // A PPID officer of the unit sees it in the register (undecided by default) and is told the superior decides.
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using (var browser = await Browser.OpenAsync())
        {
            await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
            var register = await ConsoleSession.PageAsync(browser, "/console/ppid/objections");
            var row = register.QuerySelector($"#objections tr[data-number='{number}']")!;
            Assert.Contains(request.Number, row.TextContent, StringComparison.Ordinal);
            Assert.Contains(due!, row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Menunggu putusan", row.TextContent, StringComparison.Ordinal);
            var page = await ConsoleSession.PageAsync(browser, $"/console/ppid/objections/{number}");
            Assert.NotNull(page.QuerySelector("#superior-only"));
            Assert.Null(page.QuerySelector("form textarea#reasons"));
        }

        var superior = await ConsoleSession.NewOfficerAsync(unit, "supervisor");
        using var atasan = await Browser.OpenAsync();
        await SignInSettingUpTheAuthenticatorAsync(atasan, superior);
        var shown = await ConsoleSession.PageAsync(atasan, $"/console/ppid/objections/{number}");
        var decideForm = ConsoleSession.Form(shown, "#decide-form");

        var noReasons = await atasan.SubmitAsync(decideForm, new Dictionary<string, string> { ["Decision.Decision"] = "accepted", ["Decision.Reasons"] = "" });
        Assert.Equal((HttpStatusCode)422, noReasons.StatusCode);
        var noReasonsPage = await Browser.ParseAsync(noReasons);
        Assert.NotNull(noReasonsPage.QuerySelector(".error[data-field='reasons']"));
        Assert.Equal("true", noReasonsPage.QuerySelector("#reasons")!.GetAttribute("aria-invalid"));
        Assert.NotNull(noReasonsPage.QuerySelector("input[name='Decision.Decision'][value='accepted'][checked]"));

        var decided = await atasan.SubmitAsync(ConsoleSession.Form(noReasonsPage, "#decide-form"),
            new Dictionary<string, string> { ["Decision.Decision"] = "accepted", ["Decision.Reasons"] = "Berita acara bukan informasi yang dikecualikan" });
        Assert.Equal(HttpStatusCode.Found, decided.StatusCode);
        var after = await Browser.ParseAsync(await atasan.FollowAsync(decided));
        Assert.NotNull(after.QuerySelector("#done"));
        Assert.Contains("Diterima", after.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#dispute-due"));
        Assert.Null(after.QuerySelector("#decide-form"));

        // The form shown before the decision names an older version: refused with the clear message, the stored decision stays.
        var stale = await atasan.SubmitAsync(decideForm, new Dictionary<string, string> { ["Decision.Decision"] = "rejected", ["Decision.Reasons"] = "Dikuatkan" });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        Assert.Contains("diubah oleh orang lain", (await Browser.ParseAsync(stale)).QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        var stored = await Steps.GetAsync(clerk, $"/api/ppid/objections/{number}");
        Assert.Equal("accepted", stored.GetProperty("decision").GetString());

        var decidedRegister = await ConsoleSession.PageAsync(atasan, "/console/ppid/objections?status=decided");
        Assert.Contains("Diterima", decidedRegister.QuerySelector($"#objections tr[data-number='{number}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_objection_of_another_regency_is_not_found_for_an_officer()
    {
        var unit = Requests.RandomRegencyUnit();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RefusedAsync(citizen, clerk, unit);
        var filed = await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections",
            new { grounds = new[] { "refused-under-exemption" }, reasons = "Terbuka" }, 0, request.AccessCode));
        var number = filed.GetProperty("objectionNumber").GetString()!;

        var stranger = await ConsoleSession.NewOfficerAsync("kpu-35.01");
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, stranger.Email, stranger.Password);
        await ConsoleSession.PageAsync(browser, $"/console/ppid/objections/{number}", HttpStatusCode.NotFound);
        var register = await ConsoleSession.PageAsync(browser, "/console/ppid/objections?status=all");
        Assert.DoesNotContain(number, register.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    /// <summary>A supervisor signs in to the console the first time: password, then the authenticator set up with a TOTP code (Identity demands it of supervisors).</summary>
    private static async Task SignInSettingUpTheAuthenticatorAsync(Browser browser, ConsoleSession.Officer officer)
    {
        var login = await Browser.ParseAsync(await browser.FollowAsync(await browser.GetAsync("/console")));
        var setup = await Browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(login,
            new Dictionary<string, string> { ["email"] = officer.Email, ["password"] = officer.Password })));
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Trim();
        var landing = await browser.FollowAsync(await browser.SubmitAsync(setup, new Dictionary<string, string> { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal("/console", landing.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
