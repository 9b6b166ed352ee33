using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The clarifications desk through the gateway, as browsers without script: a citizen's report
/// with a screenshot becomes a case; its author gives the verdict and writes the draft (a refused
/// draft keeps what was typed, with the problem by the field), cannot approve it, and a stale form
/// is refused with a clear message; a second officer approves; the author publishes and corrects.
/// A later report of the same claim is suggested as a match and confirmed from the desk.
/// </summary>
public sealed class ClarificationsDeskTests
{
    internal static string ShortClaim(string village) => $"Surat suara {village} tercoblos dalam karung";

    /// <summary>A citizen reports a claim (under 8 words, so matching only ever suggests) and attaches a screenshot; the report's number.</summary>
    internal static async Task<string> ReportAsync(string unit, string village, bool screenshot)
    {
        using var citizen = await Gateway.ClientAsync();
        var submitted = await citizen.PostAsJsonAsync("/api/clarifications/reports", new
        {
            unitId = unit, claim = ShortClaim(village), seenOn = "whatsapp", url = $"https://chat.example.org/{village}",
            firstSeenAt = DateTimeOffset.UtcNow.AddHours(-2), reach = new { shares = 40, views = 900 },
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var received = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var number = received.GetProperty("number").GetString()!;
        if (screenshot)
        {
            var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/clarifications/reports/{number}/screenshots") { Content = new ByteArrayContent(TestImages.PngWithGps()) };
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            upload.Headers.Add("X-Access-Code", received.GetProperty("accessCode").GetString());
            await Steps.OkAsync(await citizen.SendAsync(upload));
        }
        return number;
    }

    internal static async Task<Browser> SignedInAsync(string unit)
    {
        var officer = await ConsoleSession.NewOfficerAsync(unit, "humas-officer");
        var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        return browser;
    }

    /// <summary>A change's answer: a redirect to the page saying what was done (done=...), followed.</summary>
    internal static async Task<IHtmlDocument> DoneAsync(Browser browser, HttpResponseMessage response, string done)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 3000)]}");
        Assert.Contains($"done={Uri.EscapeDataString(done)}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await Browser.ParseAsync(await browser.FollowAsync(response));
        Assert.NotNull(page.QuerySelector("#done"));
        return page;
    }

    [Fact]
    public async Task A_report_becomes_a_case_drafted_approved_by_a_second_officer_published_and_corrected_and_a_repeat_is_confirmed_as_a_match()
    {
        var unit = Requests.RandomRegencyUnit();
        var village = CaseLifecycleTests.Village();
        var reportNumber = await ReportAsync(unit, village, screenshot: true);
        using var author = await SignedInAsync(unit);

        // The desk lists the case on the media team's track with its response target.
        var desk = await ConsoleSession.PageAsync(author, "/console/clarifications");
        var row = desk.QuerySelectorAll("table[data-track='media-team'] tr[data-case]").Single(r => r.TextContent.Contains(village, StringComparison.Ordinal));
        var caseId = Guid.Parse(row.GetAttribute("data-case")!);
        var path = $"/console/clarifications/{caseId}";

        // The case with the report's screenshot, served through the service with the officer's token.
        var opened = await ConsoleSession.PageAsync(author, path);
        Assert.Equal("media-team", opened.QuerySelector("#track")!.GetAttribute("data-track"));
        var image = opened.QuerySelector($"#reports li[data-report='{reportNumber}'] img")!;
        var fetched = await author.GetAsync(image.GetAttribute("src")!);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await fetched.Content.ReadAsByteArrayAsync())[..4]);

        var verdict = await DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(opened, "form[action$='handler=Verdict']"),
            new Dictionary<string, string> { ["Label"] = "hoaks" }), "verdict");

        // A draft without its title is refused by the field, with what was typed kept.
        var explanation = "Foto yang beredar adalah **surat suara latihan**.\n\n<script>alert('x')</script>";
        var refused = await author.SubmitAsync(ConsoleSession.Form(verdict, "form[action$='handler=Draft']"), new Dictionary<string, string>
        {
            ["Draft.Title"] = "", ["Draft.Explanation"] = explanation, ["Draft.Facts"] = "Surat suara asli tersegel.", ["Draft.Conclusion"] = "Klaim tidak benar.",
        });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector(".error[data-field='title']"));
        Assert.Equal("true", refusedPage.QuerySelector("#draft-title")!.GetAttribute("aria-invalid"));
        Assert.Equal(explanation, refusedPage.QuerySelector("#draft-explanation")!.TextContent.Replace("\r\n", "\n"));

        var drafted = await DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(refusedPage, "form[action$='handler=Draft']"), new Dictionary<string, string>
        {
            ["Draft.Title"] = $"Surat suara tercoblos di {village}", ["Draft.Claim"] = ShortClaim(village), ["Draft.Explanation"] = explanation,
            ["Draft.Facts"] = "Surat suara asli tersegel.", ["Draft.Conclusion"] = "Klaim tidak benar.", ["Draft.References"] = "https://kpu.example.go.id/ba/1",
        }), "draft");
        // The preview is the service's safe HTML: Markdown formatting kept, the script only as text.
        var preview = drafted.QuerySelector("#preview article")!;
        Assert.Equal("surat suara latihan", preview.QuerySelector(".clarifications-body strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains($"[HOAKS] Surat suara tercoblos di {village}", preview.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);

        // The author cannot approve the own draft: said plainly, nothing approved.
        var own = await author.SubmitAsync(ConsoleSession.Form(drafted, "form[action$='handler=Approve']"), new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode)422, own.StatusCode);
        var ownPage = await Browser.ParseAsync(own);
        Assert.Equal("clarification.approval.own-draft", ownPage.QuerySelector("#refused")!.GetAttribute("data-code"));
        Assert.Contains("tidak dapat menyetujuinya", ownPage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);

        // A form shown before the draft is stale: nothing is saved, the officer is told, the text is kept.
        var stale = await author.SubmitAsync(ConsoleSession.Form(verdict, "form[action$='handler=Draft']"), new Dictionary<string, string>
        {
            ["Draft.Title"] = "Judul dari halaman lama", ["Draft.Explanation"] = "x", ["Draft.Facts"] = "y", ["Draft.Conclusion"] = "z",
        });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Judul dari halaman lama", stalePage.QuerySelector("#draft-title")!.GetAttribute("value"));
        Assert.Contains($"Surat suara tercoblos di {village}", stalePage.QuerySelector("#preview h3")!.TextContent, StringComparison.Ordinal);

        // A second officer of the unit approves; the author publishes, then corrects with a note.
        using (var approver = await SignedInAsync(unit))
        {
            var toApprove = await ConsoleSession.PageAsync(approver, path);
            var approved = await DoneAsync(approver, await approver.SubmitAsync(ConsoleSession.Form(toApprove, "form[action$='handler=Approve']"),
                new Dictionary<string, string>()), "approval");
            Assert.Null(approved.QuerySelector("form[action$='handler=Approve']"));
        }
        var toPublish = await ConsoleSession.PageAsync(author, path);
        var published = await DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(toPublish, "form[action$='handler=Publish']"),
            new Dictionary<string, string>()), "publication");
        Assert.Equal("published", published.QuerySelector("#status")!.GetAttribute("data-status"));
        var number = published.QuerySelector("#status a")!.TextContent.Trim();
        Assert.Matches(@"-KLR-\d{4}-\d{5}$", number);

        var corrected = await DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(published, "form[action$='handler=Correct']"), new Dictionary<string, string>
        {
            ["CorrectionNote"] = "Tanggal berita acara diperbaiki.", ["Correction.Facts"] = "Surat suara asli tersegel sejak 1 Maret.",
        }), "correction");
        Assert.Equal("published", corrected.QuerySelector("#status")!.GetAttribute("data-status"));
        using var anyone = await Gateway.ClientAsync();
        var clarification = await Steps.GetAsync(anyone, $"/api/clarifications/{number}");
        Assert.Equal(2, clarification.GetProperty("version").GetInt32());
        Assert.Contains("sejak 1 Maret", clarification.GetProperty("bodyMarkdown").GetString(), StringComparison.Ordinal);

        // The same claim reported again is suggested as a repeat of the published clarification and confirmed from the desk.
        await ReportAsync(unit, village, screenshot: false);
        var incoming = await ConsoleSession.PageAsync(author, "/console/clarifications");
        var suggested = incoming.QuerySelectorAll("#suggested li[data-case]").Single(li => li.TextContent.Contains(village, StringComparison.Ordinal));
        Assert.Contains(number, suggested.TextContent, StringComparison.Ordinal);
        var repeat = await ConsoleSession.PageAsync(author, $"/console/clarifications/{suggested.GetAttribute("data-case")}");
        Assert.Contains(number, repeat.QuerySelector("#suggestion")!.TextContent, StringComparison.Ordinal);
        var confirmed = await DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(repeat, "form[action$='handler=Confirm']"),
            new Dictionary<string, string>()), "suggestion/confirmation");
        Assert.Equal("resolved", confirmed.QuerySelector("#status")!.GetAttribute("data-status"));

        // Retracted with the reason readers see.
        var retracted = await DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(await ConsoleSession.PageAsync(author, path), "form[action$='handler=Retract']"),
            new Dictionary<string, string> { ["Reason"] = "Sumber ternyata keliru." }), "retraction");
        Assert.Equal("retracted", retracted.QuerySelector("#status")!.GetAttribute("data-status"));
    }
}
