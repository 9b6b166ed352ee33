using System.Net;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

public sealed class PpidRequestPageTests
{
    private const string Nik = "3321015708900001";

    [Fact]
    public async Task An_officer_extends_with_reasons_then_answers_before_the_deadline_with_the_history_shown_and_a_stale_form_refused()
    {
        var unit = Requests.RandomRegencyUnit();
        using var anyone = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(anyone, unit);
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var path = $"/console/ppid/{request.Number}";

        // The requester's NIK and phone are masked until the officer asks, which is recorded by Ppid.
        var first = await ConsoleSession.PageAsync(browser, path);
        Assert.DoesNotContain(Nik, first.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("081234567890", first.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var revealed = await browser.SubmitAsync(ConsoleSession.Form(first, "form[action$='handler=Reveal']"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(Nik, (await Browser.ParseAsync(revealed)).QuerySelector("#nik")!.TextContent.Trim());
        Assert.Equal(["request-registered"], first.QuerySelectorAll("#history li").Select(li => li.GetAttribute("data-type")));

        // Extend by three working days with reasons (the form names the version it was shown with).
        var extended = await browser.SubmitAsync(ConsoleSession.Form(first, "form[action$='handler=Extend']"),
            new Dictionary<string, string> { ["Extend.WorkingDays"] = "3", ["Extend.Reason"] = "Dokumen berada di arsip kecamatan" });
        Assert.Equal(HttpStatusCode.Found, extended.StatusCode);
        var afterExtension = await Browser.ParseAsync(await browser.FollowAsync(extended));
        Assert.NotNull(afterExtension.QuerySelector("#done"));
        var newDue = DateOnly.Parse(afterExtension.QuerySelector("#due")!.TextContent.Trim()[..10], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(newDue > request.DueDate, $"{newDue} after {request.DueDate}");
        Assert.Null(afterExtension.QuerySelector("form[action$='handler=Extend']")); // only one extension

        // The answer form of the page shown before the extension is stale: nothing is answered, the officer is told, the text is kept.
        var stale = await browser.SubmitAsync(ConsoleSession.Form(first, "form[action$='handler=Answer']"), new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "granted", ["Answer.Summary"] = "Salinan terlampir", ["Answer.Delivery"] = "email", ["Answer.Format"] = "PDF",
        });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        var stalePage = await Browser.ParseAsync(stale);
        Assert.Contains("diubah oleh orang lain", stalePage.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Salinan terlampir", stalePage.QuerySelector("#summary")!.TextContent);
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        Assert.Equal("registered", (await Steps.GetAsync(clerk, $"/api/ppid/requests/{request.Number}")).GetProperty("status").GetString());

        // A refusal without its consequence test is refused next to the field, with what was typed kept.
        var incomplete = await browser.SubmitAsync(ConsoleSession.Form(afterExtension, "form[action$='handler=Answer']"), new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "refused", ["Answer.Summary"] = "Informasi dikecualikan", ["Answer.Delivery"] = "email", ["Answer.Exemption"] = "c",
        });
        Assert.Equal((HttpStatusCode)422, incomplete.StatusCode);
        var incompletePage = await Browser.ParseAsync(incomplete);
        Assert.NotNull(incompletePage.QuerySelector(".error[data-field='consequenceTest']"));
        Assert.Equal("true", incompletePage.QuerySelector("#consequence")!.GetAttribute("aria-invalid"));
        Assert.Equal("Informasi dikecualikan", incompletePage.QuerySelector("#summary")!.TextContent);
        Assert.Equal("c", incompletePage.QuerySelector("#exemption option[selected]")!.GetAttribute("value"));

        // The answer, before the deadline.
        var answered = await browser.SubmitAsync(ConsoleSession.Form(incompletePage, "form[action$='handler=Answer']"), new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "granted", ["Answer.Summary"] = "Salinan berita acara terlampir", ["Answer.Delivery"] = "email", ["Answer.Format"] = "PDF",
            ["Answer.Exemption"] = "", ["Answer.ConsequenceTest"] = "",
        });
        Assert.Equal(HttpStatusCode.Found, answered.StatusCode);
        var done = await Browser.ParseAsync(await browser.FollowAsync(answered));
        Assert.Contains("Dijawab", done.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(done.QuerySelector("form[action$='handler=Answer']"));
        Assert.Equal(["request-registered", "deadline-extended", "request-answered"], done.QuerySelectorAll("#history li").Select(li => li.GetAttribute("data-type")));
        var stored = await Steps.GetAsync(clerk, $"/api/ppid/requests/{request.Number}");
        Assert.Equal("answered", stored.GetProperty("status").GetString());
        Assert.Equal("granted", stored.GetProperty("outcome").GetString());
        Assert.False(stored.GetProperty("overdue").GetBoolean());
    }
}
