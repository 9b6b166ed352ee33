using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Humas.EndToEndTests.OfficerConsole;

namespace Humas.EndToEndTests.Clarifications;

/// <summary>
/// Two of the case API's steps through the gateway: a draft previewed as readers will get it (the
/// labelled title and the safe HTML) with nothing written, refused by the field as writing it would
/// be; a case kept apart from the similar open case named at intake, with If-Match.
/// </summary>
public sealed class DraftPreviewAndKeepApartTests
{
    private static async Task<(Guid CaseId, long Version)> CaseOfAsync(HttpClient officer, string report)
    {
        var caseId = (await Steps.GetAsync(officer, $"/api/clarifications/reports/{report}")).GetProperty("caseId").GetGuid();
        return (caseId, (await Steps.GetAsync(officer, $"/api/clarifications/cases/{caseId}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_draft_is_previewed_without_being_written_and_a_case_is_kept_apart_from_the_similar_one()
    {
        var unit = Requests.RandomRegencyUnit();
        var village = CaseLifecycleTests.Village();
        var first = await ClarificationsDeskTests.ReportAsync(unit, village, screenshot: false);
        var second = await ClarificationsDeskTests.ReportAsync(unit, village, screenshot: false);
        using var officer = await Steps.AsAsync("humas-officer", unit);
        var (firstCase, _) = await CaseOfAsync(officer, first);
        var (secondCase, version) = await CaseOfAsync(officer, second);

        var similar = (await Steps.GetAsync(officer, $"/api/clarifications/cases/{secondCase}")).GetProperty("similar");
        Assert.Equal(firstCase, similar.GetProperty("caseId").GetGuid());
        var apart = await Steps.PostAsync(officer, $"/api/clarifications/cases/{secondCase}/similar/rejection", new { }, version);
        var kept = await Steps.OkAsync(apart);
        Assert.Equal("open", kept.GetProperty("status").GetString());
        var view = await Steps.GetAsync(officer, $"/api/clarifications/cases/{secondCase}");
        Assert.True(!view.TryGetProperty("similar", out var none) || none.ValueKind == JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.Conflict,
            (await Steps.PostAsync(officer, $"/api/clarifications/cases/{secondCase}/similar/rejection", new { }, view.GetProperty("version").GetInt64())).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await Steps.PostAsync(officer, $"/api/clarifications/cases/{firstCase}/similar/rejection", new { }, 99)).StatusCode);

        var verdict = await Steps.PostAsync(officer, $"/api/clarifications/cases/{secondCase}/verdict", new { label = "hoaks" }, view.GetProperty("version").GetInt64());
        var afterVerdict = (await Steps.OkAsync(verdict)).GetProperty("version").GetInt64();
        var draft = new
        {
            title = "Surat suara di gudang", claim = "Surat suara tercoblos.", explanation = "Itu **surat suara latihan**.<script>alert(1)</script>",
            facts = "Segel utuh.", conclusion = "Tidak benar.", references = new[] { "https://kpu.example.go.id/ba/3" },
        };
        var preview = await Steps.OkAsync(await officer.PostAsJsonAsync($"/api/clarifications/cases/{secondCase}/draft/preview", draft));
        Assert.Equal("[HOAKS] Surat suara di gudang", preview.GetProperty("title").GetString());
        var html = preview.GetProperty("html").GetString()!;
        Assert.Contains("<strong>surat suara latihan</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        await Problems.AssertFieldAsync(await officer.PostAsJsonAsync($"/api/clarifications/cases/{secondCase}/draft/preview", draft with { title = " " }),
            "title", "field.required");
        var unchanged = await Steps.GetAsync(officer, $"/api/clarifications/cases/{secondCase}");
        Assert.Equal(afterVerdict, unchanged.GetProperty("version").GetInt64());
        Assert.True(!unchanged.TryGetProperty("draft", out var noDraft) || noDraft.ValueKind == JsonValueKind.Null);

        // Another regency's officer previews nothing of this case.
        var other = Requests.RandomRegencyUnit();
        while (other == unit) other = Requests.RandomRegencyUnit();
        using var stranger = await Steps.AsAsync("humas-officer", other);
        var refused = await stranger.PostAsJsonAsync($"/api/clarifications/cases/{secondCase}/draft/preview", draft);
        Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{(int)refused.StatusCode}");
    }
}
