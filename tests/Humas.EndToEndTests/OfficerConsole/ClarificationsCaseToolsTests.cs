using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;
using static Humas.EndToEndTests.OfficerConsole.ClarificationsDeskTests;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The case page's tools through the gateway, as a browser without script: a case names the
/// similar open case found at intake, shows its claim, and is merged into it or kept apart; an
/// officer uploads an image to a report of the case and sees it listed (a file that is no image is
/// refused by the field); the draft as typed is previewed as readers will get it before its first
/// save, with nothing saved and the form keeping what was typed.
/// </summary>
public sealed class ClarificationsCaseToolsTests
{
    private static async Task<Guid> CaseOfReportAsync(HttpClient api, string reportNumber) =>
        (await Steps.GetAsync(api, $"/api/clarifications/reports/{reportNumber}")).GetProperty("caseId").GetGuid();

    private static bool IsNull(JsonElement view, string property) => !view.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    /// <summary>Sends a multipart form as a browser does: its own fields, then the file.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, IHtmlFormElement form, string fileField, byte[] content, string fileName)
    {
        using var body = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 } && i.Type != "file"))
            body.Add(new StringContent(input.Value), input.Name!);
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => s.Name is { Length: > 0 }))
            body.Add(new StringContent(select.Value ?? ""), select.Name!);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, fileField, fileName);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        return await browser.Http.PostAsync(form.GetAttribute("action"), body);
    }

    [Fact]
    public async Task A_similar_case_is_merged_or_kept_apart_an_image_is_uploaded_and_the_draft_is_previewed_before_it_is_saved()
    {
        var unit = Requests.RandomRegencyUnit();
        var village = CaseLifecycleTests.Village();
        var first = await ReportAsync(unit, village, screenshot: false);
        var second = await ReportAsync(unit, village, screenshot: false);
        using var api = await Steps.AsAsync("humas-officer", unit);
        var firstCase = await CaseOfReportAsync(api, first);
        var secondCase = await CaseOfReportAsync(api, second);
        Assert.NotEqual(firstCase, secondCase);
        using var officer = await SignedInAsync(unit);

        // The later case names the earlier one, with its claim, and is merged into it.
        var later = await ConsoleSession.PageAsync(officer, $"/console/clarifications/{secondCase}");
        var similar = later.QuerySelector("#similar")!;
        Assert.Equal(firstCase.ToString(), similar.GetAttribute("data-case"));
        Assert.Equal(ShortClaim(village), similar.QuerySelector("#similar-claim")!.TextContent.Trim());
        var merged = await officer.SubmitAsync(ConsoleSession.Form(later, "form[action$='handler=Merge']"), new Dictionary<string, string>());
        Assert.Equal($"/console/clarifications/{firstCase}?done=merge", merged.Headers.Location?.OriginalString);
        var grouped = await DoneAsync(officer, merged, "merge");
        Assert.NotNull(grouped.QuerySelector($"#reports li[data-report='{first}']"));
        Assert.NotNull(grouped.QuerySelector($"#reports li[data-report='{second}']"));
        Assert.Equal("merged", (await ConsoleSession.PageAsync(officer, $"/console/clarifications/{secondCase}")).QuerySelector("#status")!.GetAttribute("data-status"));

        // A third report of the claim names the grouped case too; the officer keeps this one apart and it stays open without the suggestion.
        var third = await ReportAsync(unit, village, screenshot: false);
        var thirdCase = await CaseOfReportAsync(api, third);
        var thirdPage = await ConsoleSession.PageAsync(officer, $"/console/clarifications/{thirdCase}");
        Assert.Equal(firstCase.ToString(), thirdPage.QuerySelector("#similar")!.GetAttribute("data-case"));
        // The desk list marks it too, so that the officer sees it without opening every case.
        var deskMark = (await ConsoleSession.PageAsync(officer, "/console/clarifications")).QuerySelector($"tr[data-case='{thirdCase}'] .similar");
        Assert.Equal(firstCase.ToString(), deskMark?.GetAttribute("data-similar"));
        var apart = await DoneAsync(officer, await officer.SubmitAsync(ConsoleSession.Form(thirdPage, "form[action$='handler=KeepApart']"),
            new Dictionary<string, string>()), "similar/rejection");
        Assert.Null(apart.QuerySelector("#similar"));
        var desk = await ConsoleSession.PageAsync(officer, "/console/clarifications");
        Assert.NotNull(desk.QuerySelector($"tr[data-case='{thirdCase}']"));
        Assert.Null(desk.QuerySelector($"tr[data-case='{thirdCase}'] .similar"));
        Assert.Equal("open", apart.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.True(IsNull(await Steps.GetAsync(api, $"/api/clarifications/cases/{thirdCase}"), "similar"));

        // An image uploaded by the officer to a report of the case is listed with it, served through the service.
        var path = $"/console/clarifications/{firstCase}";
        var casePage = await ConsoleSession.PageAsync(officer, path);
        var notImage = await UploadAsync(officer, ConsoleSession.Form(casePage, "#screenshot-form"), "Screenshot", "bukan gambar"u8.ToArray(), "catatan.txt");
        Assert.Equal((HttpStatusCode)422, notImage.StatusCode);
        var refusedUpload = await Browser.ParseAsync(notImage);
        Assert.NotNull(refusedUpload.QuerySelector("#screenshot-form .error[data-field='screenshot']"));
        Assert.Equal("true", refusedUpload.QuerySelector("#screenshot-file")!.GetAttribute("aria-invalid"));
        Assert.Empty(refusedUpload.QuerySelectorAll("#reports img"));

        var uploadForm = ConsoleSession.Form(casePage, "#screenshot-form");
        ((IHtmlSelectElement)uploadForm.QuerySelector("#screenshot-report")!).Value = second;
        var uploaded = await DoneAsync(officer, await UploadAsync(officer, uploadForm, "Screenshot", TestImages.PngWithGps(), "tangkapan.png"), "screenshot");
        var image = uploaded.QuerySelector($"#reports li[data-report='{second}'] img")!;
        var fetched = await officer.GetAsync(image.GetAttribute("src")!);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Empty(uploaded.QuerySelectorAll($"#reports li[data-report='{first}'] img"));

        // "Pratinjau" before the first save: a refused preview shows the problem by the field; a good one is rendered as readers will get it, nothing saved.
        var verdict = await DoneAsync(officer, await officer.SubmitAsync(ConsoleSession.Form(uploaded, "form[action$='handler=Verdict']"),
            new Dictionary<string, string> { ["Label"] = "hoaks" }), "verdict");
        var draftForm = ConsoleSession.Form(verdict, "form[action$='handler=Draft']");
        draftForm.SetAttribute("action", verdict.QuerySelector("#draft-preview-button")!.GetAttribute("formaction"));
        var explanation = "Foto itu **surat suara latihan**.\n\n<script>alert('x')</script>";
        var badPreview = await officer.SubmitAsync(draftForm, new Dictionary<string, string>
        {
            ["Draft.Title"] = "", ["Draft.Explanation"] = explanation, ["Draft.Facts"] = "Surat suara asli tersegel.", ["Draft.Conclusion"] = "Klaim tidak benar.",
        });
        Assert.Equal((HttpStatusCode)422, badPreview.StatusCode);
        var badPage = await Browser.ParseAsync(badPreview);
        Assert.NotNull(badPage.QuerySelector(".error[data-field='title']"));
        Assert.Null(badPage.QuerySelector("#draft-preview"));
        Assert.Equal(explanation, badPage.QuerySelector("#draft-explanation")!.TextContent.Replace("\r\n", "\n"));

        var previewed = await officer.SubmitAsync(draftForm, new Dictionary<string, string>
        {
            ["Draft.Title"] = $"Surat suara di {village}", ["Draft.Explanation"] = explanation, ["Draft.Facts"] = "Surat suara asli tersegel.",
            ["Draft.Conclusion"] = "Klaim tidak benar.", ["Draft.References"] = "https://kpu.example.go.id/ba/2",
        });
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var previewPage = await Browser.ParseAsync(previewed);
        var preview = previewPage.QuerySelector("#draft-preview article")!;
        Assert.Equal($"[HOAKS] Surat suara di {village}", preview.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("surat suara latihan", preview.QuerySelector(".clarifications-body strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Null(previewPage.QuerySelector("#preview"));
        Assert.Equal($"Surat suara di {village}", previewPage.QuerySelector("#draft-title")!.GetAttribute("value"));
        Assert.True(IsNull(await Steps.GetAsync(api, $"/api/clarifications/cases/{firstCase}"), "draft"));

        // Saved from the previewed form, the saved draft reads the same.
        var saved = await DoneAsync(officer, await officer.SubmitAsync(ConsoleSession.Form(previewPage, "form[action$='handler=Draft']"), new Dictionary<string, string>()), "draft");
        Assert.Equal($"[HOAKS] Surat suara di {village}", saved.QuerySelector("#preview h3")!.TextContent.Trim());
    }
}
