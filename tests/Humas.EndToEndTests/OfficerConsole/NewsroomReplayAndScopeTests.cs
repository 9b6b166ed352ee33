using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;
using Humas.EndToEndTests.MediaRelations;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// The newsroom desk's webhook page sends every dead delivery of one subscriber again at once; and
/// an officer of one regency never sees another regency's releases, journalists or webhook
/// subscribers there (the release's own page is not found), while the officers of that regency do.
/// </summary>
public sealed class NewsroomReplayAndScopeTests
{
    /// <summary>An accredited journalist of the unit subscribed to its releases at an address nothing listens on, so every delivery dies.</summary>
    private static async Task<(Guid JournalistId, Guid SubscriptionId, HttpClient Account)> FailingSubscriberAsync(string unit)
    {
        using var officer = await Steps.AsAsync("humas-officer", unit);
        var (journalistId, _, account) = await JournalistTests.AccreditedAsync(officer, unit);
        var subscribed = await account.PostAsJsonAsync("/api/media/webhooks", new
        {
            journalistId, url = "http://127.0.0.1:9/hook", secret = "rahasia-langganan-uji-01", unitIds = new[] { unit },
        });
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
        return (journalistId, (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriptionId").GetGuid(), account);
    }

    private static async Task<Guid> PublishedAsync(string unit, string headline)
    {
        var (releaseId, version, _, reviewer) = await PressReleaseTests.ApprovedAsync(headline, unit);
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { }, version));
        return releaseId;
    }

    private static async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(HttpClient account, Guid subscriptionId) =>
        (await Steps.GetAsync(account, $"/api/media/webhooks/{subscriptionId}/deliveries")).EnumerateArray().ToList();

    [Fact]
    public async Task Every_dead_delivery_of_a_subscriber_is_sent_again_from_the_desk_at_once()
    {
        var unit = Requests.RandomRegencyUnit();
        var (_, subscriptionId, account) = await FailingSubscriberAsync(unit);
        await PublishedAsync(unit, "Rapat pleno rekapitulasi satu");
        await PublishedAsync(unit, "Rapat pleno rekapitulasi dua");
        await Gateway.EventuallyAsync(async () => (await DeliveriesAsync(account, subscriptionId)) is { Count: 2 } d && d.All(x => x.GetProperty("status").GetString() == "dead"),
            TimeSpan.FromSeconds(60), "both deliveries to be dead after their attempts");

        using var browser = await ClarificationsDeskTests.SignedInAsync(unit);
        var page = await ConsoleSession.PageAsync(browser, "/console/media/webhooks");
        var row = $"#subscribers tr[data-subscription='{subscriptionId}']";
        var form = ConsoleSession.Form(page, $"{row} form[action$='handler=ReplayAll']");
        Assert.Contains("2", form.TextContent, StringComparison.Ordinal);

        var done = await ClarificationsDeskTests.DoneAsync(browser, await browser.SubmitAsync(form, new Dictionary<string, string>()), "replayed-all");
        Assert.Contains("2 pengiriman gagal dikirim ulang", done.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(done.QuerySelector("#deliveries")); // the subscriber's log is shown after the replay
        await Gateway.EventuallyAsync(async () => (await DeliveriesAsync(account, subscriptionId)).All(d => d.GetProperty("attempts").GetInt32() > 3),
            TimeSpan.FromSeconds(60), "each dead delivery to be attempted again after the replay");

        // An officer of a sibling regency is refused by the service: the page says so, nothing is sent.
        var sibling = unit == "kpu-33.01" ? "kpu-33.02" : "kpu-33.01";
        using var stranger = await ClarificationsDeskTests.SignedInAsync(sibling);
        var theirPage = await ConsoleSession.PageAsync(stranger, "/console/media/webhooks");
        var token = theirPage.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var theirs = await stranger.Http.PostAsync("/console/media/webhooks?handler=ReplayAll", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["SubscriptionId"] = subscriptionId.ToString(),
        }));
        Assert.Equal((HttpStatusCode)422, theirs.StatusCode);
        var refused = await Browser.ParseAsync(theirs);
        Assert.NotNull(refused.QuerySelector("#refused"));
        Assert.DoesNotContain(subscriptionId.ToString(), refused.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regency_officer_never_sees_another_regencys_releases_journalists_or_webhook_subscribers()
    {
        var unit = Requests.RandomRegencyUnit();
        var sibling = unit == "kpu-33.01" ? "kpu-33.02" : "kpu-33.01";
        using var author = await Steps.AsAsync("humas-officer", unit);
        var created = await author.PostAsJsonAsync("/api/media/releases", PressReleaseTests.Valid(unit, "Draf siaran pers kabupaten"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("releaseId").GetGuid();
        var published = await PublishedAsync(unit, "Siaran pers kabupaten terbit");
        var (journalistId, subscriptionId, _) = await FailingSubscriberAsync(unit);

        // The regency's own officer sees each of them: the checks below could fail.
        using var own = await ClarificationsDeskTests.SignedInAsync(unit);
        Assert.NotNull((await ConsoleSession.PageAsync(own, "/console/media?state=drafts")).QuerySelector($"tr[data-release='{draft}']"));
        Assert.NotNull((await ConsoleSession.PageAsync(own, "/console/media?state=published")).QuerySelector($"tr[data-release='{published}']"));
        await ConsoleSession.PageAsync(own, $"/console/media/{draft}");
        Assert.NotNull((await ConsoleSession.PageAsync(own, "/console/media/journalists")).QuerySelector($"li[data-journalist='{journalistId}']"));
        Assert.NotNull((await ConsoleSession.PageAsync(own, "/console/media/webhooks")).QuerySelector($"tr[data-subscription='{subscriptionId}']"));

        using var stranger = await ClarificationsDeskTests.SignedInAsync(sibling);
        foreach (var state in new[] { "drafts", "review", "scheduled", "published", "withdrawn" })
        {
            var list = (await ConsoleSession.PageAsync(stranger, $"/console/media?state={state}")).DocumentElement.OuterHtml;
            Assert.DoesNotContain(draft.ToString(), list, StringComparison.Ordinal);
            Assert.DoesNotContain(published.ToString(), list, StringComparison.Ordinal);
        }
        await ConsoleSession.PageAsync(stranger, $"/console/media/{draft}", HttpStatusCode.NotFound);
        await ConsoleSession.PageAsync(stranger, $"/console/media/{published}", HttpStatusCode.NotFound);
        Assert.DoesNotContain(journalistId.ToString(), (await ConsoleSession.PageAsync(stranger, "/console/media/journalists")).DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(subscriptionId.ToString(), (await ConsoleSession.PageAsync(stranger, "/console/media/webhooks")).DocumentElement.OuterHtml, StringComparison.Ordinal);
        var log = await ConsoleSession.PageAsync(stranger, $"/console/media/webhooks?subscription={subscriptionId}");
        Assert.Null(log.QuerySelector("#deliveries"));
        Assert.Null(log.QuerySelector($"tr[data-subscription='{subscriptionId}']"));
    }
}
