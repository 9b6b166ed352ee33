using System.Net;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// What a requester does after filing, on the follow page through the gateway and without
/// JavaScript: answering the PPID's request for clarification, withdrawing, filing an objection
/// on its legal grounds; and the annual report page. The access code never appears in an address.
/// </summary>
public sealed class FollowUpPagesTests
{
    private static async Task<PortalPages.Page> FollowAsync(PortalPages portal, Steps.Registered request) =>
        await portal.SubmitAsync(await portal.GetAsync("/ppid/lacak"),
            new Dictionary<string, string[]> { ["Number"] = [request.Number], ["AccessCode"] = [request.AccessCode] }, HttpStatusCode.OK);

    [Fact]
    public async Task A_requester_answers_the_clarification_asked_then_withdraws_the_request()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(citizen, unit);
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/ppid/requests/{request.Number}/clarification-request",
            new { question = "Daftar pemilih tingkat kecamatan yang mana?" }, 1));
        using var portal = await PortalPages.OpenAsync();

        var status = await FollowAsync(portal, request);
        Assert.Contains("Menunggu klarifikasi", status.Document.QuerySelector("#status")!.TextContent);
        Assert.Equal("Daftar pemilih tingkat kecamatan yang mana?", status.Document.QuerySelector("#pertanyaan")?.TextContent.Trim());
        HtmlChecks.EveryFieldIsLabelled(status.Document);
        HtmlChecks.HeadingsAreInOrder(status.Document);

        var empty = await portal.SubmitAsync(status, new Dictionary<string, string[]> { ["Answer"] = [""] }, (HttpStatusCode)422, "form#klarifikasi");
        Assert.Equal("true", empty.Document.QuerySelector("#answer")!.GetAttribute("aria-invalid"));
        Assert.Equal("error", empty.Document.QuerySelector("#answer")!.PreviousElementSibling?.ClassName);
        Assert.Contains("Menunggu klarifikasi", empty.Document.QuerySelector("#status")!.TextContent);

        var answered = await portal.SubmitAsync(status, new Dictionary<string, string[]> { ["Answer"] = ["Kecamatan Demak, Pemilu 2024."] }, HttpStatusCode.OK,
            "form#klarifikasi");
        Assert.NotNull(answered.Document.QuerySelector("#selesai"));
        Assert.Contains("Tercatat", answered.Document.QuerySelector("#status")!.TextContent);
        Assert.Null(answered.Document.QuerySelector("form#klarifikasi"));
        Assert.Null(answered.Document.QuerySelector("#pertanyaan"));
        Assert.DoesNotContain(request.AccessCode, answered.Response.RequestMessage!.RequestUri!.ToString());

        var withdrawn = await portal.SubmitAsync(answered, new Dictionary<string, string[]> { ["Reason"] = ["Sudah tidak diperlukan."] }, HttpStatusCode.OK, "form#tarik");
        Assert.Contains("Dicabut", withdrawn.Document.QuerySelector("#status")!.TextContent);
        Assert.Null(withdrawn.Document.QuerySelector("form#tarik"));
        Assert.Null(withdrawn.Document.QuerySelector("form#keberatan"));
        Assert.Equal("withdrawn", (await Steps.GetAsync(await AsRequesterAsync(request), $"/api/ppid/requests/{request.Number}")).GetProperty("status").GetString());

        // The form shown before the withdrawal carries the version seen then: sent again, it is refused and changes nothing.
        var stale = await portal.SubmitAsync(answered, new Dictionary<string, string[]> { ["Reason"] = ["lagi"] }, (HttpStatusCode)422, "form#tarik");
        Assert.Contains("Dicabut", stale.Document.QuerySelector("#status")!.TextContent);
    }

    private static async Task<HttpClient> AsRequesterAsync(Steps.Registered request)
    {
        var client = await Gateway.ClientAsync();
        client.DefaultRequestHeaders.Add("X-Access-Code", request.AccessCode);
        return client;
    }

    [Fact]
    public async Task A_refused_requester_files_an_objection_on_its_legal_grounds_and_a_form_without_grounds_writes_nothing()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RefusedAsync(citizen, officer, unit);
        using var portal = await PortalPages.OpenAsync();

        var status = await FollowAsync(portal, request);
        Assert.Equal(7, status.Document.QuerySelectorAll("form#keberatan input[name='Objection.Grounds']").Length);

        var noGrounds = await portal.SubmitAsync(status, new Dictionary<string, string[]> { ["Objection.Reasons"] = ["Berita acara adalah informasi terbuka."] },
            (HttpStatusCode)422, "form#keberatan");
        Assert.Equal("error", noGrounds.Document.QuerySelector("form#keberatan legend")!.NextElementSibling?.ClassName);
        Assert.Equal("Berita acara adalah informasi terbuka.", noGrounds.Document.QuerySelector("#reasons")!.TextContent); // what was typed stays

        // Filed once: had the refused form written anything, this one would be refused as a second undecided objection.
        var filed = await portal.SubmitAsync(noGrounds, new Dictionary<string, string[]>
        {
            ["Objection.Grounds"] = ["refused-under-exemption", "answered-not-as-requested"], ["Objection.Reasons"] = ["Berita acara adalah informasi terbuka."],
        }, HttpStatusCode.OK, "form#keberatan");
        Assert.Matches(@"-KEB-\d{4}-\d{5}$", filed.Document.QuerySelector("#nomor-keberatan")!.TextContent.Trim());
        Assert.Null(filed.Document.QuerySelector("form#keberatan"));
        Assert.DoesNotContain(request.AccessCode, filed.Response.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task The_annual_report_page_shows_the_services_figures_for_the_year_chosen()
    {
        var unit = Requests.RandomRegencyUnit();
        using var citizen = await Gateway.ClientAsync();
        await Steps.RegisterAsync(citizen, unit);
        var year = DateTimeOffset.UtcNow.AddHours(7).Year;
        var figures = await Steps.GetAsync(citizen, $"/api/ppid/reports/annual?unitId={unit}&year={year}");
        using var portal = await PortalPages.OpenAsync();

        var form = await portal.GetAsync($"/{unit}/ppid/laporan");
        HtmlChecks.EveryFieldIsLabelled(form.Document);
        var page = await portal.SubmitAsync(form, new Dictionary<string, string[]> { ["year"] = [year.ToString()] }, HttpStatusCode.OK);
        Assert.Equal(figures.GetProperty("requestsReceived").GetInt32().ToString(), page.Document.QuerySelector("#requestsReceived td")!.TextContent.Trim());
        Assert.True(figures.GetProperty("requestsReceived").GetInt32() >= 1);
        Assert.Equal("Permohonan diterima", page.Document.QuerySelector("#requestsReceived th")!.TextContent.Trim());
        Assert.Contains("format=csv", page.Document.QuerySelector("a[type='text/csv']")!.GetAttribute("href"));

        var english = await portal.GetAsync($"/{unit}/ppid/laporan?year={year}&lang=en");
        Assert.Equal("Requests received", english.Document.QuerySelector("#requestsReceived th")!.TextContent.Trim());
        await portal.GetAsync("/kpu-99.99/ppid/laporan", HttpStatusCode.NotFound);
    }
}
