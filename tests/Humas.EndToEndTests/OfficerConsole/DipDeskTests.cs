using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>The DIP desk of the console: an officer drafts, revises, publishes, records as exempt and withdraws entries of the unit's list with forms.</summary>
public sealed class DipDeskTests
{
    /// <summary>
    /// Posts a form as a browser does: its fields as they stand (a checkbox only when checked),
    /// with the named ones replaced by <paramref name="values"/> (a name given several times sends each value).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(Browser browser, IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var named = values.Select(v => v.Name).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "checkbox", IsChecked: false } => (null, null),
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlSelectElement select => (select.Name, select.Value ?? ""),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                _ => (null, null),
            };
            if (name is { Length: > 0 } && !named.Contains(name)) fields.Add(KeyValuePair.Create(name, value ?? ""));
        }
        Assert.All(named, name => Assert.NotNull(form.Elements.FirstOrDefault(e => e.GetAttribute("name") == name)));
        fields.AddRange(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
        return await browser.Http.PostAsync(form.GetAttribute("action") ?? "", new FormUrlEncodedContent(fields));
    }

    private static async Task<(Browser Browser, string Unit)> SignedInAsync()
    {
        var unit = Requests.RandomRegencyUnit();
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        return (browser, unit);
    }

    private static async Task<IHtmlDocument> FollowedAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Browser.ParseAsync(await browser.FollowAsync(response));
    }

    [Fact]
    public async Task An_officer_drafts_with_a_refused_form_kept_then_revises_publishes_and_withdraws_an_entry_and_a_stale_form_changes_nothing()
    {
        var (browser, unit) = await SignedInAsync();
        using var _ = browser;
        var title = $"Laporan realisasi anggaran {Guid.NewGuid():N}"[..40];

        // An exempt category without its ground, consequence test and forms: refused by the fields, what was typed kept.
        var blank = await ConsoleSession.PageAsync(browser, $"/console/dip/new?unit={unit}");
        var refused = await PostAsync(browser, ConsoleSession.Form(blank, "form#draft"),
            ("Entry.Title", title), ("Entry.Category", "dikecualikan"), ("Entry.Summary", "Realisasi anggaran semester I"), ("Entry.Year", "2026"));
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        foreach (var field in new[] { "exemptionClause", "consequenceTest", "formats", "responsibleOfficial", "retentionPeriod" })
            Assert.NotNull(refusedPage.QuerySelector($".error[data-field='{field}']"));
        Assert.Equal("true", refusedPage.QuerySelector("#exemption-clause")!.GetAttribute("aria-invalid"));
        Assert.Equal(title, refusedPage.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("Realisasi anggaran semester I", refusedPage.QuerySelector("#summary")!.TextContent);
        Assert.Equal("dikecualikan", refusedPage.QuerySelector("#category option[selected]")!.GetAttribute("value"));

        // Now a berkala draft.
        var drafted = await FollowedAsync(browser, await PostAsync(browser, ConsoleSession.Form(refusedPage, "form#draft"),
            ("Entry.Category", "berkala"), ("Entry.ResponsibleOfficial", "Subbagian Keuangan"), ("Entry.RetentionPeriod", "5 tahun"),
            ("Entry.Formats", "softcopy"), ("Entry.Formats", "hardcopy")));
        Assert.NotNull(drafted.QuerySelector("#done"));
        Assert.Equal("draft", drafted.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Null(drafted.QuerySelector("form[action$='handler=RecordExemption']"));
        var entryPath = new Uri(drafted.QuerySelector("form[action$='handler=Publish']")!.GetAttribute("action")!, UriKind.Relative).OriginalString.Split('?')[0];

        // The desk lists it among the unit's berkala drafts, not among the published ones.
        var drafts = await ConsoleSession.PageAsync(browser, $"/console/dip?unit={unit}&category=berkala&status=draft");
        Assert.Contains(drafts.QuerySelectorAll("#entries a"), a => a.TextContent == title && a.GetAttribute("href") == entryPath);
        var published = await ConsoleSession.PageAsync(browser, $"/console/dip?unit={unit}&status=published");
        Assert.DoesNotContain(published.QuerySelectorAll("#entries a"), a => a.TextContent == title);

        // Revise, then send the form of the page shown before the revision: refused as stale, its text kept, nothing changed.
        var revised = await FollowedAsync(browser, await PostAsync(browser, ConsoleSession.Form(drafted, "form[action$='handler=Revise']"),
            ("Entry.Title", title + " (revisi)")));
        Assert.Equal(title + " (revisi)", revised.QuerySelector("#title")!.GetAttribute("value"));
        var stale = await PostAsync(browser, ConsoleSession.Form(drafted, "form[action$='handler=Revise']"), ("Entry.Summary", "Ringkasan lain"));
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ringkasan lain", stalePage.QuerySelector("#summary")!.TextContent);
        var entryId = entryPath.Split('/')[^1];
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        var stored = await Steps.GetAsync(clerk, $"/api/ppid/information-list/{entryId}");
        Assert.Equal("Realisasi anggaran semester I", stored.GetProperty("summary").GetString());
        Assert.Equal(title + " (revisi)", stored.GetProperty("title").GetString());

        // Publish with the document's address: on the public list.
        var publishedPage = await FollowedAsync(browser, await PostAsync(browser, ConsoleSession.Form(revised, "form[action$='handler=Publish']"),
            ("DocumentUrl", "https://jdih.kpu.go.id/realisasi.pdf")));
        Assert.Equal("published", publishedPage.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Null(publishedPage.QuerySelector("form[action$='handler=Publish']"));
        using var anyone = await Gateway.ClientAsync();
        var list = await anyone.GetStringAsync($"/api/ppid/information-list?unitId={unit}&category=berkala&limit=1000");
        Assert.Contains(JsonDocument.Parse(list).RootElement.EnumerateArray(), e => e.GetProperty("entryId").GetString() == entryId);

        // Withdraw: without a reason refused by the field; with one, off the list for good.
        var noReason = await PostAsync(browser, ConsoleSession.Form(publishedPage, "form[action$='handler=Withdraw']"), ("Reason", " "));
        Assert.Equal((HttpStatusCode)422, noReason.StatusCode);
        var noReasonPage = await Browser.ParseAsync(noReason);
        Assert.NotNull(noReasonPage.QuerySelector(".error[data-field='reason']"));
        var withdrawn = await FollowedAsync(browser, await PostAsync(browser, ConsoleSession.Form(noReasonPage, "form[action$='handler=Withdraw']"),
            ("Reason", "Diganti laporan yang diaudit")));
        Assert.Equal("withdrawn", withdrawn.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Null(withdrawn.QuerySelector("form[action$='handler=Revise']"));
        Assert.Null(withdrawn.QuerySelector("form[action$='handler=Withdraw']"));
        var withdrawnList = await ConsoleSession.PageAsync(browser, $"/console/dip?unit={unit}&status=withdrawn");
        Assert.Contains(withdrawnList.QuerySelectorAll("#entries tr[data-entry]"), r => r.GetAttribute("data-entry") == entryId);
    }

    [Fact]
    public async Task An_exempt_draft_is_recorded_as_exempt_with_its_ground_and_an_officer_of_another_unit_is_refused()
    {
        var (browser, unit) = await SignedInAsync();
        using var _ = browser;
        var blank = await ConsoleSession.PageAsync(browser, $"/console/dip/new?unit={unit}");
        var drafted = await FollowedAsync(browser, await PostAsync(browser, ConsoleSession.Form(blank, "form#draft"),
            ("Entry.Title", "Salinan KTP calon anggota PPS"), ("Entry.Summary", "Fotokopi KTP para calon"), ("Entry.Category", "dikecualikan"),
            ("Entry.ResponsibleOfficial", "Subbagian Teknis"), ("Entry.RetentionPeriod", "Selama masa jabatan"), ("Entry.Year", "2026"),
            ("Entry.Formats", "hardcopy"), ("Entry.ExemptionClause", "h"),
            ("Entry.ConsequenceTest", "Membuka dokumen mengungkap data pribadi; kerugiannya lebih besar daripada manfaatnya.")));
        Assert.Null(drafted.QuerySelector("form[action$='handler=Publish']"));
        var recorded = await FollowedAsync(browser, await PostAsync(browser, ConsoleSession.Form(drafted, "form[action$='handler=RecordExemption']")));
        Assert.Equal("recorded-as-exempt", recorded.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Contains("huruf h", recorded.QuerySelector("#ground")!.TextContent, StringComparison.Ordinal);
        Assert.Null(recorded.QuerySelector("form[action$='handler=RecordExemption']"));
        var exempt = await ConsoleSession.PageAsync(browser, $"/console/dip?unit={unit}&category=dikecualikan&status=recorded-as-exempt");
        Assert.Contains(exempt.QuerySelectorAll("#entries a"), a => a.TextContent == "Salinan KTP calon anggota PPS");

        // An officer of another regency sees the public entry but may not change it: told so, nothing withdrawn.
        var other = unit == "kpu-33.19" ? "kpu-33.21" : "kpu-33.19";
        var stranger = await ConsoleSession.NewOfficerAsync(other);
        using var strangerBrowser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(strangerBrowser, stranger.Email, stranger.Password);
        var path = new Uri(recorded.QuerySelector("form[action$='handler=Withdraw']")!.GetAttribute("action")!, UriKind.Relative).OriginalString.Split('?')[0];
        var seen = await ConsoleSession.PageAsync(strangerBrowser, path);
        var refused = await PostAsync(strangerBrowser, ConsoleSession.Form(seen, "form[action$='handler=Withdraw']"), ("Reason", "Bukan urusan saya"));
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("tidak berwenang", (await Browser.ParseAsync(refused)).QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        var listOfOther = await ConsoleSession.PageAsync(strangerBrowser, $"/console/dip?unit={unit}");
        // The unit asked for is not the officer's: its own list is shown instead.
        Assert.DoesNotContain(listOfOther.QuerySelectorAll("#entries tr[data-entry]"), r => path.EndsWith(r.GetAttribute("data-entry")!, StringComparison.Ordinal));
    }
}
