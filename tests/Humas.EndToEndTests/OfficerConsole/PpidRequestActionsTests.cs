using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Npgsql;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The actions of the request page beyond extending: a partial answer with several withheld parts,
/// asking for a clarification, routing within the body, referring to another public body. Each
/// through the gateway as a browser without script; each refusal keeps what was typed with the
/// problem by the field, and a form shown before someone else's change is refused with a clear message.
/// </summary>
public sealed class PpidRequestActionsTests
{
    private static async Task<(Browser Browser, Steps.Registered Request, string Unit)> SignedInWithRequestAsync(string role = "ppid-officer", string? officerUnit = null)
    {
        var unit = Requests.RandomRegencyUnit();
        using var anyone = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(anyone, unit);
        var officer = await ConsoleSession.NewOfficerAsync(officerUnit ?? unit, role);
        var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        return (browser, request, unit);
    }

    private static IHtmlFormElement FormOf(IHtmlDocument page, string handler) => ConsoleSession.Form(page, $"form[action$='handler={handler}']");

    [Fact]
    public async Task A_partial_answer_lists_several_withheld_parts_each_with_its_exemption_and_a_missing_reason_is_shown_by_its_row()
    {
        var (browser, request, unit) = await SignedInWithRequestAsync();
        using var _ = browser;
        var path = $"/console/ppid/{request.Number}";
        var page = await ConsoleSession.PageAsync(browser, path);
        Assert.NotNull(page.QuerySelector("#withheld-part-1")); // several rows without script

        var typed = new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "granted-in-part", ["Answer.Summary"] = "Salinan diberikan dengan bagian dihitamkan", ["Answer.Delivery"] = "email",
            ["Answer.Format"] = "PDF", ["Answer.ConsequenceTest"] = "Membuka data pribadi pemilih merugikan pemiliknya",
            ["Answer.WithheldParts[0].Part"] = "NIK saksi", ["Answer.WithheldParts[0].Exemption"] = "h", ["Answer.WithheldParts[0].Reason"] = "Data pribadi",
            ["Answer.WithheldParts[1].Part"] = "Catatan rapat internal", ["Answer.WithheldParts[1].Exemption"] = "i", ["Answer.WithheldParts[1].Reason"] = "",
        };
        var refused = await browser.SubmitAsync(FormOf(page, "Answer"), typed);
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector("#withheld .error[data-field='withheldParts.reason']"));
        Assert.Equal("true", refusedPage.QuerySelector("#withheld-reason-1")!.GetAttribute("aria-invalid"));
        Assert.Null(refusedPage.QuerySelector("#withheld-reason-0")!.GetAttribute("aria-invalid"));
        Assert.Equal("Catatan rapat internal", refusedPage.QuerySelector("#withheld-part-1")!.GetAttribute("value"));
        Assert.Equal("i", refusedPage.QuerySelector("#withheld-exemption-1 option[selected]")!.GetAttribute("value"));
        Assert.Equal("granted-in-part", refusedPage.QuerySelector("#outcome option[selected]")!.GetAttribute("value"));
        Assert.Null(refusedPage.QuerySelector(".error[data-field='reason']")); // the extension form's field of the same name stays clean

        typed["Answer.WithheldParts[1].Reason"] = "Memorandum internal yang dirahasiakan";
        var answered = await browser.SubmitAsync(FormOf(refusedPage, "Answer"), typed);
        Assert.Equal(HttpStatusCode.Found, answered.StatusCode);
        var done = await Browser.ParseAsync(await browser.FollowAsync(answered));
        Assert.Contains("Diberikan sebagian", done.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(FormOrNull(done, "Clarify"));
        Assert.Null(FormOrNull(done, "Route"));

        var answer = await AnsweredEventAsync(request.Number);
        var parts = answer.GetProperty("withheldParts").EnumerateArray().Select(p => (p.GetProperty("part").GetString(), p.GetProperty("exemption").GetString())).ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal(("NIK saksi", "h"), parts[0]);
        Assert.Equal(("Catatan rapat internal", "i"), parts[1]);
    }

    [Fact]
    public async Task An_officer_asks_for_a_clarification_then_a_form_shown_before_it_is_refused_as_changed_by_someone_else_and_the_request_is_referred()
    {
        var (browser, request, unit) = await SignedInWithRequestAsync();
        using var _ = browser;
        var path = $"/console/ppid/{request.Number}";
        var first = await ConsoleSession.PageAsync(browser, path);

        var empty = await browser.SubmitAsync(FormOf(first, "Clarify"), new Dictionary<string, string> { ["Clarify.Question"] = " " });
        Assert.Equal((HttpStatusCode)422, empty.StatusCode);
        var emptyPage = await Browser.ParseAsync(empty);
        Assert.NotNull(emptyPage.QuerySelector(".error[data-field='question']"));
        Assert.Equal("true", emptyPage.QuerySelector("#question")!.GetAttribute("aria-invalid"));

        var asked = await browser.SubmitAsync(FormOf(emptyPage, "Clarify"),
            new Dictionary<string, string> { ["Clarify.Question"] = "Berita acara kecamatan mana yang dimaksud?" });
        Assert.Equal(HttpStatusCode.Found, asked.StatusCode);
        var waiting = await Browser.ParseAsync(await browser.FollowAsync(asked));
        Assert.NotNull(waiting.QuerySelector("#done"));
        Assert.Contains("Menunggu klarifikasi", waiting.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(FormOrNull(waiting, "Answer")); // not answerable while the requester is asked
        Assert.Null(FormOrNull(waiting, "Clarify"));

        // The referral form of the page shown before the question names an older version: nothing is referred, what was typed stays.
        var stale = await browser.SubmitAsync(FormOf(first, "Refer"),
            new Dictionary<string, string> { ["Refer.Agency"] = "Dinas Kependudukan Kabupaten", ["Refer.Reason"] = "Data kependudukan dikuasai Disdukcapil" });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dinas Kependudukan Kabupaten", stalePage.QuerySelector("#refer-agency")!.GetAttribute("value"));
        Assert.Contains("Menunggu klarifikasi", stalePage.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        Assert.Equal("awaiting-clarification", (await Steps.GetAsync(clerk, $"/api/ppid/requests/{request.Number}")).GetProperty("status").GetString());

        var noAgency = await browser.SubmitAsync(FormOf(stalePage, "Refer"),
            new Dictionary<string, string> { ["Refer.Agency"] = "", ["Refer.Reason"] = "Data kependudukan dikuasai Disdukcapil" });
        Assert.Equal((HttpStatusCode)422, noAgency.StatusCode);
        var noAgencyPage = await Browser.ParseAsync(noAgency);
        Assert.NotNull(noAgencyPage.QuerySelector(".error[data-field='agency']"));
        Assert.Equal("Data kependudukan dikuasai Disdukcapil", noAgencyPage.QuerySelector("#refer-reason")!.TextContent);

        var referred = await browser.SubmitAsync(FormOf(noAgencyPage, "Refer"),
            new Dictionary<string, string> { ["Refer.Agency"] = "Dinas Kependudukan Kabupaten", ["Refer.Reason"] = "Data kependudukan dikuasai Disdukcapil" });
        Assert.Equal(HttpStatusCode.Found, referred.StatusCode);
        var closed = await Browser.ParseAsync(await browser.FollowAsync(referred));
        Assert.Contains("Diteruskan ke badan publik lain", closed.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.QuerySelectorAll("form[action*='handler=']"), f => !f.GetAttribute("action")!.EndsWith("handler=Reveal", StringComparison.Ordinal));
        Assert.Equal(["request-registered", "clarification-requested", "request-referred"], closed.QuerySelectorAll("#history li").Select(li => li.GetAttribute("data-type")));
    }

    [Fact]
    public async Task A_provincial_officer_routes_a_request_between_its_regencies_and_a_regency_officer_routing_away_lands_on_the_inbox()
    {
        var province = "kpu-33";
        var (browser, request, unit) = await SignedInWithRequestAsync(officerUnit: province);
        using var _ = browser;
        var page = await ConsoleSession.PageAsync(browser, $"/console/ppid/{request.Number}");
        var targets = page.QuerySelectorAll("#route-unit option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        Assert.Contains("kpu-33", targets);
        Assert.Contains("kpu", targets);
        Assert.DoesNotContain(unit, targets);
        Assert.DoesNotContain(targets, t => t!.StartsWith("bawaslu", StringComparison.Ordinal) || t.StartsWith("kpu-35", StringComparison.Ordinal));

        var noUnit = await browser.SubmitAsync(FormOf(page, "Route"), new Dictionary<string, string> { ["Route.ToUnitId"] = "", ["Route.Reason"] = "Arsip ada di kabupaten lain" });
        Assert.Equal((HttpStatusCode)422, noUnit.StatusCode);
        var noUnitPage = await Browser.ParseAsync(noUnit);
        Assert.NotNull(noUnitPage.QuerySelector(".error[data-field='toUnitId']"));
        Assert.Equal("Arsip ada di kabupaten lain", noUnitPage.QuerySelector("#route-reason")!.TextContent);

        var other = unit == "kpu-33.01" ? "kpu-33.02" : "kpu-33.01";
        var routed = await browser.SubmitAsync(FormOf(noUnitPage, "Route"), new Dictionary<string, string> { ["Route.ToUnitId"] = other, ["Route.Reason"] = "Arsip ada di kabupaten lain" });
        Assert.Equal(HttpStatusCode.Found, routed.StatusCode);
        Assert.Contains($"/console/ppid/{request.Number}?done=routed", routed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var moved = await Browser.ParseAsync(await browser.FollowAsync(routed));
        Assert.Contains(other, moved.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("request-routed", moved.QuerySelectorAll("#history li").Last().GetAttribute("data-type"));

        // An officer of that regency routes it on to a sibling: it leaves their units, so the inbox tells where it went.
        var regencyOfficer = await ConsoleSession.NewOfficerAsync(other);
        using var regency = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(regency, regencyOfficer.Email, regencyOfficer.Password);
        var theirs = await ConsoleSession.PageAsync(regency, $"/console/ppid/{request.Number}");
        var away = await regency.SubmitAsync(FormOf(theirs, "Route"), new Dictionary<string, string> { ["Route.ToUnitId"] = unit, ["Route.Reason"] = "Ternyata arsipnya kembali" });
        Assert.Equal(HttpStatusCode.Found, away.StatusCode);
        var inbox = await Browser.ParseAsync(await regency.FollowAsync(away));
        Assert.Contains(request.Number, inbox.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        await ConsoleSession.PageAsync(regency, $"/console/ppid/{request.Number}", HttpStatusCode.NotFound);
    }

    private static IHtmlFormElement? FormOrNull(IHtmlDocument page, string handler) => page.QuerySelector($"form[action$='handler={handler}']") as IHtmlFormElement;

    private static async Task<JsonElement> AnsweredEventAsync(string registrationNumber)
    {
        var streamId = await PpidStreams.StreamIdAsync(registrationNumber);
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand("SELECT data::text FROM events WHERE stream_id = @id AND type = 'request-answered'", connection);
        command.Parameters.AddWithValue("id", streamId);
        return JsonSerializer.Deserialize<JsonElement>((string)(await command.ExecuteScalarAsync())!);
    }
}
