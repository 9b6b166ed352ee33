using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Humas.EndToEndTests.MediaRelations;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The newsroom desk through the gateway, as browsers without script: a release drafted from the
/// form (a refused one keeps what was typed, with the problem by the field), previewed as the
/// service renders it, submitted, refused to its own author's approval, approved by a second
/// officer, published and corrected with a note; a stale form is refused with a clear message.
/// Journalists are accredited and revoked there, and their webhook subscriptions and delivery
/// logs read there.
/// </summary>
public sealed class NewsroomDeskTests
{
    /// <summary>Posts a form as a browser does: text fields with these values over the form's own, checkboxes only when checked (or named in <paramref name="check"/>).</summary>
    internal static async Task<HttpResponseMessage> PostAsync(Browser browser, IHtmlFormElement form, IReadOnlyDictionary<string, string> values, params string[] check)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 }))
        {
            if (input.Type == "checkbox")
            {
                if (check.Length > 0 ? check.Contains(input.Value) : input.IsChecked) fields.Add(KeyValuePair.Create(input.Name!, input.Value));
                continue;
            }
            fields.Add(KeyValuePair.Create(input.Name!, values.TryGetValue(input.Name!, out var value) ? value : input.Value));
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => s.Name is { Length: > 0 }))
            fields.Add(KeyValuePair.Create(select.Name!, values.TryGetValue(select.Name!, out var value) ? value : select.Value ?? ""));
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(a => a.Name is { Length: > 0 }))
            fields.Add(KeyValuePair.Create(area.Name!, values.TryGetValue(area.Name!, out var value) ? value : area.Value));
        Assert.All(values.Keys, key => Assert.Contains(fields, f => f.Key == key));
        return await browser.Http.PostAsync(form.GetAttribute("action") ?? "", new FormUrlEncodedContent(fields));
    }

    internal static Dictionary<string, string> Content(string prefix, string headline) => new()
    {
        [$"{prefix}.Headline"] = headline, [$"{prefix}.Summary"] = "Rapat pleno terbuka menetapkan DPT.",
        [$"{prefix}.Body"] = "Rapat pleno **terbuka** digelar di aula.\n\n<script>alert(1)</script>", [$"{prefix}.Language"] = "id",
        [$"{prefix}.Place"] = "Kendal", [$"{prefix}.ContactName"] = "Bagian Humas", [$"{prefix}.ContactRole"] = "Kepala Subbagian Humas",
        [$"{prefix}.ContactPhone"] = "+62 24 8311111", [$"{prefix}.ContactEmail"] = "",
    };

    [Fact]
    public async Task A_release_is_drafted_previewed_reviewed_approved_by_a_second_officer_published_and_corrected_with_a_stale_form_refused()
    {
        var unit = Requests.RandomRegencyUnit();
        using var author = await ClarificationsDeskTests.SignedInAsync(unit);
        var headline = $"DPT ditetapkan {Guid.NewGuid():N}"[..30];

        // A draft without its headline is refused by the field, with what was typed kept.
        var form = ConsoleSession.Form(await ConsoleSession.PageAsync(author, "/console/media/new"), "form#draft-form");
        var incomplete = Content("Release", "");
        var refused = await PostAsync(author, form, incomplete, "pemilu");
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector(".error[data-field='headline']"));
        Assert.Equal("true", refusedPage.QuerySelector("#release-headline")!.GetAttribute("aria-invalid"));
        Assert.Equal("Kendal", refusedPage.QuerySelector("#release-place")!.GetAttribute("value"));
        Assert.NotNull(refusedPage.QuerySelector("input[type=checkbox][value='pemilu'][checked]"));

        var draftResponse = await PostAsync(author, ConsoleSession.Form(refusedPage, "form#draft-form"), Content("Release", headline));
        var releaseId = Guid.Parse(draftResponse.Headers.Location?.ToString().Split('?')[0].Split('/').Last() ?? "");
        var drafted = await ClarificationsDeskTests.DoneAsync(author, draftResponse, "drafted");
        Assert.Equal("draft", drafted.QuerySelector("#status")!.GetAttribute("data-status"));
        var preview = drafted.QuerySelector("#preview article")!;
        Assert.Equal("terbuka", preview.QuerySelector(".media-body strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        var path = $"/console/media/{releaseId}";

        // Revised once; the submit form of the page shown before is stale: nothing submitted, the officer told.
        var revised = await ClarificationsDeskTests.DoneAsync(author, await PostAsync(author, ConsoleSession.Form(drafted, "form[action$='handler=Revise']"),
            new Dictionary<string, string> { ["Release.Place"] = "Kabupaten Kendal" }), "revised");
        var stale = await author.SubmitAsync(ConsoleSession.Form(drafted, "form[action$='handler=Submit']"), new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("draft", stalePage.QuerySelector("#status")!.GetAttribute("data-status"));

        var submitted = await ClarificationsDeskTests.DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(revised, "form[action$='handler=Submit']"), new Dictionary<string, string>()), "submit");
        var list = await ConsoleSession.PageAsync(author, "/console/media?state=review");
        Assert.NotNull(list.QuerySelector($"#releases tr[data-release='{releaseId}']"));

        // The author cannot approve: said plainly.
        var own = await author.SubmitAsync(ConsoleSession.Form(submitted, "form[action$='handler=Approve']"), new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode)422, own.StatusCode);
        Assert.Equal("release.four-eyes", (await Browser.ParseAsync(own)).QuerySelector("#refused")!.GetAttribute("data-code"));

        using (var reviewer = await ClarificationsDeskTests.SignedInAsync(unit))
        {
            var toApprove = await ConsoleSession.PageAsync(reviewer, path);
            await ClarificationsDeskTests.DoneAsync(reviewer, await reviewer.SubmitAsync(ConsoleSession.Form(toApprove, "form[action$='handler=Approve']"), new Dictionary<string, string>()), "approve");
        }

        // A publication time that is not one is refused by the field; then published now.
        var approved = await ConsoleSession.PageAsync(author, path);
        var badTime = await author.SubmitAsync(ConsoleSession.Form(approved, "form[action$='handler=Publish']"),
            new Dictionary<string, string> { ["PublishAt"] = "besok pagi", ["EmbargoUntil"] = "" });
        Assert.Equal((HttpStatusCode)422, badTime.StatusCode);
        var badTimePage = await Browser.ParseAsync(badTime);
        Assert.NotNull(badTimePage.QuerySelector(".error[data-field='publishAt']"));
        Assert.Equal("besok pagi", badTimePage.QuerySelector("#publish-at-input")!.GetAttribute("value"));
        var published = await ClarificationsDeskTests.DoneAsync(author, await author.SubmitAsync(ConsoleSession.Form(badTimePage, "form[action$='handler=Publish']"),
            new Dictionary<string, string> { ["PublishAt"] = "", ["EmbargoUntil"] = "" }), "publish");
        Assert.Equal("published", published.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.NotNull((await ConsoleSession.PageAsync(author, "/console/media?state=published")).QuerySelector($"#releases tr[data-release='{releaseId}']"));

        var corrected = await ClarificationsDeskTests.DoneAsync(author, await PostAsync(author, ConsoleSession.Form(published, "form[action$='handler=Correct']"),
            new Dictionary<string, string> { ["CorrectionNote"] = "Tempat rapat diperbaiki.", ["Correction.Place"] = "Aula KPU Kendal" }), "correct");
        Assert.Contains("v2", corrected.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        using var anyone = await Gateway.ClientAsync();
        var versions = await Steps.GetAsync(anyone, $"/api/media/releases/{releaseId}/versions");
        Assert.Equal("Tempat rapat diperbaiki.", versions[1].GetProperty("correctionNote").GetString());
    }

    [Fact]
    public async Task Journalists_are_accredited_and_revoked_and_their_webhook_subscription_and_delivery_log_are_read_on_the_desk()
    {
        var unit = Requests.RandomRegencyUnit();
        using var journalistAccount = await Gateway.ClientAsync(await Gateway.TokenAsync($"journalist-{Guid.NewGuid():N}", "journalist", null));
        var registered = await journalistAccount.PostAsJsonAsync("/api/media/journalists", JournalistTests.Registration($"j{Guid.NewGuid():N}@example.org", unit));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var journalistId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("journalistId").GetGuid();
        using var officer = await ClarificationsDeskTests.SignedInAsync(unit);

        var page = await ConsoleSession.PageAsync(officer, "/console/media/journalists");
        var row = $"#journalists li[data-journalist='{journalistId}']";
        Assert.Equal("registered", page.QuerySelector(row)!.GetAttribute("data-status"));
        var accredited = await ClarificationsDeskTests.DoneAsync(officer, await officer.SubmitAsync(ConsoleSession.Form(page, $"{row} form[action$='handler=Accredit']"),
            new Dictionary<string, string>()), "accredit");
        Assert.Equal("accredited", accredited.QuerySelector(row)!.GetAttribute("data-status"));

        // The journalist subscribes; a release published to the unit makes a delivery the desk's log shows.
        var subscribed = await journalistAccount.PostAsJsonAsync("/api/media/webhooks", new
        {
            journalistId, url = "https://newsroom.example.org/hook", secret = "rahasia-langganan-uji-01", unitIds = new[] { unit },
        });
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
        var subscriptionId = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriptionId").GetGuid();
        var hooks = await ConsoleSession.PageAsync(officer, "/console/media/webhooks");
        Assert.Contains("Rina Wartawati", hooks.QuerySelector($"#subscribers tr[data-subscription='{subscriptionId}']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("newsroom.example.org", hooks.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var log = await ConsoleSession.PageAsync(officer, $"/console/media/webhooks?subscription={subscriptionId}");
        Assert.NotNull(log.QuerySelector("#deliveries"));

        // Revoking needs a reason: refused by the field first, the journalist still accredited.
        var revokeForm = $"{row} form[action$='handler=Revoke']";
        var noReason = await officer.SubmitAsync(ConsoleSession.Form(accredited, revokeForm), new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Equal((HttpStatusCode)422, noReason.StatusCode);
        var noReasonPage = await Browser.ParseAsync(noReason);
        Assert.NotNull(noReasonPage.QuerySelector($"{row} .error[data-field='reason']"));
        var revoked = await ClarificationsDeskTests.DoneAsync(officer, await officer.SubmitAsync(ConsoleSession.Form(noReasonPage, revokeForm),
            new Dictionary<string, string> { ["Reason"] = "Kartu pers kedaluwarsa." }), "revoke");
        Assert.Equal("revoked", revoked.QuerySelector(row)!.GetAttribute("data-status"));
        Assert.Contains("berakhir", (await ConsoleSession.PageAsync(officer, "/console/media/webhooks")).QuerySelector($"#subscribers tr[data-subscription='{subscriptionId}']")!.TextContent,
            StringComparison.Ordinal);
    }
}
