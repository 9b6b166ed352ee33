using System.Net;
using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.OfficerConsole.ClarificationsDeskTests;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// A regency's humas officer never sees another regency's clarification cases: not in the desk's
/// list, and the case's page (and its screenshots) answer "not found" as for a case that does not exist.
/// </summary>
public sealed class ClarificationsAuthorizationTests
{
    [Fact]
    public async Task An_officer_of_one_regency_never_sees_a_case_of_another_regency()
    {
        var unit = Requests.RandomRegencyUnit();
        var other = Requests.RandomRegencyUnit();
        while (other == unit) other = Requests.RandomRegencyUnit();
        var village = CaseLifecycleTests.Village();
        var report = await ReportAsync(unit, village, screenshot: true);
        using var api = await Steps.AsAsync("humas-officer", unit);
        var caseId = (await Steps.GetAsync(api, $"/api/clarifications/reports/{report}")).GetProperty("caseId").GetGuid();
        var path = $"/console/clarifications/{caseId}";

        // The case's own officer sees it in the list and on its page.
        using (var own = await SignedInAsync(unit))
        {
            var desk = await ConsoleSession.PageAsync(own, "/console/clarifications");
            Assert.NotNull(desk.QuerySelector($"tr[data-case='{caseId}']"));
            Assert.Contains(village, (await ConsoleSession.PageAsync(own, path)).QuerySelector("#claim")!.TextContent, StringComparison.Ordinal);
        }

        // Another regency's officer: not in the list, and the page is the "not found" page, the claim nowhere.
        using var stranger = await SignedInAsync(other);
        var theirs = await ConsoleSession.PageAsync(stranger, "/console/clarifications");
        Assert.Null(theirs.QuerySelector($"[data-case='{caseId}']"));
        Assert.DoesNotContain(village, theirs.Body!.TextContent, StringComparison.Ordinal);

        var page = await ConsoleSession.PageAsync(stranger, path, HttpStatusCode.NotFound);
        Assert.Equal("Halaman tidak ditemukan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(village, page.Body!.TextContent, StringComparison.Ordinal);
        var unknown = await ConsoleSession.PageAsync(stranger, $"/console/clarifications/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Equal(unknown.QuerySelector("h1")!.TextContent, page.QuerySelector("h1")!.TextContent);

        // Nor can they fetch its screenshots through the desk.
        var screenshots = (await Steps.GetAsync(api, $"/api/clarifications/reports/{report}")).GetProperty("screenshots");
        var shot = screenshots[0].GetProperty("screenshotId").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/console/clarifications/{caseId}?handler=Screenshot&report={report}&id={shot}")).StatusCode);
    }
}
