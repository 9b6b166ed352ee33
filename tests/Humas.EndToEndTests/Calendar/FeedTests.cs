using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.Calendar;

/// <summary>iCalendar feeds through the gateway, read back with an independent parser (Python's icalendar).</summary>
public sealed class FeedTests
{
    [Theory]
    [InlineData("91", 9)]
    [InlineData("73", 8)]
    [InlineData("33", 7)]
    public async Task The_public_feed_places_local_times_right_in_each_zone_with_stable_UIDs_cancelled_items_and_no_internal_item(string province, int offset)
    {
        var unit = RandomUnit(province);
        var day = RandomDay();
        using var officer = await Steps.AsAsync("humas-officer", unit);
        using var anyone = await Gateway.ClientAsync();
        var (id, _) = await PlanAsync(officer, Item(unit, "Siaran pers jadwal kampanye", $"{day:yyyy-MM-dd}T10:00"));
        var (cancelledId, _) = await PlanAsync(officer, Item(unit, "Liputan dibatalkan", $"{day:yyyy-MM-dd}T15:00"));
        var (internalId, _) = await PlanAsync(officer, Item(unit, "Rapat internal tim humas", $"{day:yyyy-MM-dd}T16:00", visibility: "internal"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, HttpMethod.Post, $"{Publications}/{cancelledId}/status", "\"1\"", new { status = "cancelled" })).StatusCode);

        var response = await anyone.GetAsync($"/api/calendar/units/{unit}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var events = await ParseWithPythonAsync(ics);

        var item = events.Single(e => e.Uid == $"{id}@calendar.humas");
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(offset)), DateTimeOffset.Parse(item.Start));
        Assert.Equal("Siaran pers jadwal kampanye", item.Summary);
        Assert.Contains($"10:00 {(offset switch { 9 => "WIT", 8 => "WITA", _ => "WIB" })}", item.Description);
        Assert.Equal("CANCELLED", events.Single(e => e.Uid == $"{cancelledId}@calendar.humas").Status);
        Assert.DoesNotContain(events, e => e.Uid.StartsWith(internalId, StringComparison.Ordinal));
        Assert.DoesNotContain("Rapat internal", ics);
        Assert.DoesNotContain("Catatan internal", ics);
        var voting = events.Single(e => e.Uid == "pemilu-2024.voting@calendar.humas");
        Assert.Equal(("2024-02-14", "2024-02-15"), (voting.Start, voting.End));

        // Stable: an edit keeps the UID; the same data gives the same ETag and a 304.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, HttpMethod.Put, $"{Publications}/{id}", "\"1\"",
            new { title = "Siaran pers jadwal kampanye (revisi)", kind = "press-release", channels = new[] { "website" }, visibility = "public" })).StatusCode);
        var again = await anyone.GetAsync($"/api/calendar/units/{unit}/calendar.ics");
        var revised = (await ParseWithPythonAsync(await again.Content.ReadAsStringAsync())).Single(e => e.Uid == $"{id}@calendar.humas");
        Assert.Equal("Siaran pers jadwal kampanye (revisi)", revised.Summary);
        Assert.NotEqual(response.Headers.ETag, again.Headers.ETag);
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/calendar/units/{unit}/calendar.ics");
        conditional.Headers.IfNoneMatch.Add(again.Headers.ETag!);
        var notModified = await anyone.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_private_feed_holds_internal_items_and_PPID_due_dates_at_a_secret_URL_until_it_is_revoked()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("humas-officer", unit);
        using var anyone = await Gateway.ClientAsync();
        var (internalId, _) = await PlanAsync(officer, Item(unit, "Rapat internal tim humas", $"{RandomDay():yyyy-MM-dd}T16:00", visibility: "internal"));
        var request = await Steps.RegisterAsync(anyone, unit);

        await ProblemAsync(await anyone.PostAsJsonAsync("/api/calendar/feeds", new { unitId = unit }), HttpStatusCode.Unauthorized);
        using var other = await Steps.AsAsync("humas-officer", "kpu-33.01" == unit ? "kpu-33.02" : "kpu-33.01");
        await ProblemAsync(await other.PostAsJsonAsync("/api/calendar/feeds", new { unitId = unit }), HttpStatusCode.Forbidden);
        await ProblemAsync(await officer.PostAsJsonAsync("/api/calendar/feeds", new { unitId = "kpu-99.99" }), HttpStatusCode.BadRequest);
        var created = await officer.PostAsJsonAsync("/api/calendar/feeds", new { unitId = unit });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feed = await created.Content.ReadFromJsonAsync<JsonElement>();
        var url = feed.GetProperty("url").GetString()!;

        List<ParsedEvent> events = [];
        await Gateway.EventuallyAsync(async () =>
        {
            events = [.. await ParseWithPythonAsync(await anyone.GetStringAsync(url))];
            return events.Any(e => e.Uid == $"request-{request.Number}@calendar.humas");
        }, TimeSpan.FromSeconds(30), "the request's due date in the private feed");
        Assert.Contains(events, e => e.Uid == $"{internalId}@calendar.humas");
        Assert.Equal(request.DueDate.ToString("yyyy-MM-dd"), events.Single(e => e.Uid == $"request-{request.Number}@calendar.humas").Start);
        var listed = await Steps.GetAsync(officer, "/api/calendar/feeds");
        Assert.DoesNotContain(url, listed.GetRawText());

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/calendar/feeds/{feed.GetProperty("feedId").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.DeleteAsync($"/api/calendar/feeds/{feed.GetProperty("feedId").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/calendar/feeds/not-a-token/calendar.ics")).StatusCode);
    }
}
