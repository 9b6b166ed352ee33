using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Npgsql;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// What the PPID desk records on the requester's behalf, as a browser without script: the answer
/// to a clarification the requester gave by telephone (the officer who entered it is recorded), and
/// the dispute the requester took to the Komisi Informasi after the objection's decision, on the
/// objection's page, which shows its officers the reasons of the objection and of the decision.
/// Refusals keep what was typed with the problem by the field; a stale form gets the clear message.
/// </summary>
public sealed class PpidFollowUpTests
{
    private static IHtmlFormElement? FormOrNull(IHtmlDocument page, string handler) => page.QuerySelector($"form[action$='handler={handler}']") as IHtmlFormElement;

    private static async Task<Browser> SignedInAsync(string unit, string role = "ppid-officer")
    {
        var officer = await ConsoleSession.NewOfficerAsync(unit, role);
        var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        return browser;
    }

    [Fact]
    public async Task An_officer_enters_the_clarification_answer_the_requester_gave_by_telephone_and_is_recorded_as_having_entered_it()
    {
        var unit = Requests.RandomRegencyUnit();
        using var anyone = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(anyone, unit);
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        using var browser = await SignedInAsync(unit);
        var path = $"/console/ppid/{request.Number}";
        Assert.Null(FormOrNull(await ConsoleSession.PageAsync(browser, path), "ClarificationAnswer")); // nothing asked yet

        await Steps.OkAsync(await Steps.PostAsync(clerk, $"/api/ppid/requests/{request.Number}/clarification-request",
            new { question = "Berita acara kecamatan mana yang dimaksud?" }, 1));
        var waiting = await ConsoleSession.PageAsync(browser, path);
        Assert.Contains("Berita acara kecamatan mana", waiting.QuerySelector("#clarification-question")!.TextContent, StringComparison.Ordinal);

        var empty = await browser.SubmitAsync(FormOrNull(waiting, "ClarificationAnswer")!, new Dictionary<string, string> { ["ClarificationAnswer.Answer"] = " " });
        Assert.Equal((HttpStatusCode)422, empty.StatusCode);
        var emptyPage = await Browser.ParseAsync(empty);
        Assert.NotNull(emptyPage.QuerySelector(".error[data-field='answer']"));
        Assert.Equal("true", emptyPage.QuerySelector("#clarification-answer-text")!.GetAttribute("aria-invalid"));
        Assert.Null(emptyPage.QuerySelector(".error[data-field='question']"));

        var entered = await browser.SubmitAsync(FormOrNull(emptyPage, "ClarificationAnswer")!,
            new Dictionary<string, string> { ["ClarificationAnswer.Answer"] = "Kecamatan Bonang, lewat telepon" });
        Assert.Equal(HttpStatusCode.Found, entered.StatusCode);
        var done = await Browser.ParseAsync(await browser.FollowAsync(entered));
        Assert.Contains("Jawaban klarifikasi telah dicatat", done.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Terdaftar", done.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(FormOrNull(done, "ClarificationAnswer"));
        Assert.NotNull(FormOrNull(done, "Answer"));
        Assert.Equal("clarification-received", done.QuerySelectorAll("#history li").Last().GetAttribute("data-type"));

        var received = await EventAsync(request.Number, "clarification-received");
        Assert.Equal("Kecamatan Bonang, lewat telepon", received.GetProperty("answer").GetString());
        var actor = (await Steps.GetAsync(clerk, $"/api/ppid/requests/{request.Number}/history")).EnumerateArray().Last().GetProperty("actor").GetString();
        Assert.False(string.IsNullOrEmpty(actor));
        Assert.Equal(actor, received.GetProperty("enteredBy").GetString());

        // The form of the page shown while waiting names an older version: refused with the clear message, nothing entered twice.
        var stale = await browser.SubmitAsync(FormOrNull(waiting, "ClarificationAnswer")!, new Dictionary<string, string> { ["ClarificationAnswer.Answer"] = "Lagi" });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        Assert.Contains("diubah oleh orang lain", (await Browser.ParseAsync(stale)).QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);

        // Only the unit's officers may enter it; the requester still answers with the access code on the public endpoint.
        using var citizen = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/clarification/entered", new { answer = "x" }, 3, request.AccessCode)).StatusCode);
        using var stranger = await Steps.AsAsync("ppid-officer", "kpu-35.01");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Steps.PostAsync(stranger, $"/api/ppid/requests/{request.Number}/clarification/entered", new { answer = "x" }, 3)).StatusCode);
    }

    [Fact]
    public async Task Officers_read_the_reasons_of_an_objection_and_its_decision_and_record_the_dispute_taken_to_the_information_commission()
    {
        var unit = Requests.RandomRegencyUnit();
        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RefusedAsync(citizen, clerk, unit);
        var filed = await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections",
            new { grounds = new[] { "refused-under-exemption" }, reasons = "Berita acara rapat pleno adalah informasi terbuka\nmenurut Pasal 11" }, 0, request.AccessCode));
        var number = filed.GetProperty("objectionNumber").GetString()!;

        using var browser = await SignedInAsync(unit);
        var requestPage = await ConsoleSession.PageAsync(browser, $"/console/ppid/{request.Number}");
        Assert.Equal($"/console/ppid/objections/{number}", requestPage.QuerySelector("#objection-links a")!.GetAttribute("href"));
        var undecided = await ConsoleSession.PageAsync(browser, $"/console/ppid/objections/{number}");
        Assert.Contains("informasi terbuka", undecided.QuerySelector("#reasons-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(undecided.QuerySelector("#dispute-form")); // not before the decision (nor before its deadline)

        using var superior = await Steps.AsAsync("supervisor", unit);
        var version = (await Steps.GetAsync(superior, $"/api/ppid/objections/{number}")).GetProperty("version").GetInt64();
        await Steps.OkAsync(await Steps.PostAsync(superior, $"/api/ppid/objections/{number}/decision",
            new { decision = "rejected", reasons = "Berita acara memuat data pribadi saksi yang dikecualikan" }, version));

        var decided = await ConsoleSession.PageAsync(browser, $"/console/ppid/objections/{number}");
        Assert.Contains("data pribadi saksi", decided.QuerySelector("#decision-reasons")!.TextContent, StringComparison.Ordinal);
        var disputeForm = ConsoleSession.Form(decided, "#dispute-form");

        // The texts are for the unit's officers: the requester's own view with the access code and the register carry none of them.
        var asRequester = new HttpRequestMessage(HttpMethod.Get, $"/api/ppid/objections/{number}");
        asRequester.Headers.Add("X-Access-Code", request.AccessCode);
        var requesterView = await Steps.OkAsync(await citizen.SendAsync(asRequester));
        Assert.False(requesterView.TryGetProperty("reasons", out _));
        Assert.False(requesterView.TryGetProperty("decisionReasons", out _));
        var followed = new HttpRequestMessage(HttpMethod.Get, $"/api/ppid/requests/{request.Number}");
        followed.Headers.Add("X-Access-Code", request.AccessCode);
        Assert.False((await Steps.OkAsync(await citizen.SendAsync(followed))).TryGetProperty("objections", out _));
        var listed = (await Steps.GetAsync(clerk, $"/api/ppid/objections?unitId={unit}&limit=100")).EnumerateArray().Single(o => o.GetProperty("objectionNumber").GetString() == number);
        Assert.False(listed.TryGetProperty("reasons", out _));

        var tooLong = await browser.SubmitAsync(disputeForm, new Dictionary<string, string> { ["Dispute.CommissionReference"] = new string('7', 101) });
        Assert.Equal((HttpStatusCode)422, tooLong.StatusCode);
        var tooLongPage = await Browser.ParseAsync(tooLong);
        Assert.NotNull(tooLongPage.QuerySelector(".error[data-field='commissionReference']"));
        Assert.Equal("true", tooLongPage.QuerySelector("#commission-reference")!.GetAttribute("aria-invalid"));
        Assert.Equal(new string('7', 101), tooLongPage.QuerySelector("#commission-reference")!.GetAttribute("value"));

        var recorded = await browser.SubmitAsync(ConsoleSession.Form(tooLongPage, "#dispute-form"),
            new Dictionary<string, string> { ["Dispute.CommissionReference"] = "012/REG-PSI/KI-JTG/2026", ["Dispute.ElectionInformation"] = "true" });
        Assert.Equal(HttpStatusCode.Found, recorded.StatusCode);
        var after = await Browser.ParseAsync(await browser.FollowAsync(recorded));
        Assert.NotNull(after.QuerySelector("#done"));
        Assert.Contains("012/REG-PSI/KI-JTG/2026", after.QuerySelector("#dispute-filed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#dispute-form"));
        var stored = await Steps.GetAsync(clerk, $"/api/ppid/objections/{number}");
        Assert.True(stored.TryGetProperty("disputeFiledAt", out _));

        // The form shown before names an older version: the clear message, the dispute recorded once.
        var stale = await browser.SubmitAsync(disputeForm, new Dictionary<string, string> { ["Dispute.CommissionReference"] = "lain" });
        Assert.Equal((HttpStatusCode)422, stale.StatusCode);
        Assert.Contains("diubah oleh orang lain", (await Browser.ParseAsync(stale)).QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("012/REG-PSI/KI-JTG/2026", (await Steps.GetAsync(clerk, $"/api/ppid/objections/{number}")).GetProperty("commissionReference").GetString());
    }

    private static async Task<JsonElement> EventAsync(string registrationNumber, string type)
    {
        var streamId = await PpidStreams.StreamIdAsync(registrationNumber);
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new NpgsqlCommand("SELECT data::text FROM events WHERE stream_id = @id AND type = @type ORDER BY version DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("type", type);
        return JsonSerializer.Deserialize<JsonElement>((string)(await command.ExecuteScalarAsync())!);
    }
}
