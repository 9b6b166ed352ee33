using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.Calendar;

/// <summary>Planned publications through the gateway: status straight from the calendar, reschedule, edit in place, history and who may do what.</summary>
public sealed class PublicationTests
{
    [Fact]
    public async Task An_officer_plans_an_item_in_local_WIT_time_moves_it_through_its_statuses_and_the_history_keeps_every_step()
    {
        var unit = RandomUnit("91");
        var day = RandomDay();
        using var officer = await Steps.AsAsync("humas-officer", unit);
        var (id, item) = await PlanAsync(officer, Item(unit, "Siaran pers penetapan DPT", $"{day:yyyy-MM-dd}T10:00"));
        Assert.Equal($"{day:yyyy-MM-dd}T10:00:00+09:00", item.GetProperty("plannedAt").GetString());
        Assert.Equal(("planned", "WIT", $"humas-officer-{unit}"), (item.GetProperty("status").GetString(), item.GetProperty("timeZone").GetString(), item.GetProperty("owner").GetString()));

        var moved = await SendAsync(officer, HttpMethod.Post, $"{Publications}/{id}/reschedule", "\"1\"", new { plannedAt = $"{day.AddDays(2):yyyy-MM-dd}T14:30", reason = "Menunggu pleno" });
        Assert.Equal($"{day.AddDays(2):yyyy-MM-dd}T14:30:00+09:00", (await Steps.OkAsync(moved)).GetProperty("plannedAt").GetString());
        var edit = new { title = "Siaran pers penetapan DPT final", kind = "press-release", channels = new[] { "website", "x", "press" }, visibility = "public" };
        await ProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{Publications}/{id}", null, edit), (HttpStatusCode)428);
        await ProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{Publications}/{id}", "\"1\"", edit), HttpStatusCode.PreconditionFailed);
        var edited = await Steps.OkAsync(await SendAsync(officer, HttpMethod.Put, $"{Publications}/{id}", "\"2\"", edit));
        Assert.Equal(["website", "x", "press"], edited.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("in-progress", (await Steps.OkAsync(await SendAsync(officer, HttpMethod.Post, $"{Publications}/{id}/status", "\"3\"", new { status = "in-progress" })))
            .GetProperty("status").GetString());
        var published = await Steps.OkAsync(await SendAsync(officer, HttpMethod.Post, $"{Publications}/{id}/status", "\"4\"", new { status = "published", url = "https://kpu.go.id/berita/1" }));
        Assert.Equal(("published", false), (published.GetProperty("status").GetString(), published.GetProperty("late").GetBoolean()));
        var refused = await ProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{Publications}/{id}/status", "\"5\"", new { status = "cancelled" }), HttpStatusCode.Conflict);
        Assert.Equal("publication.status.final", refused.GetProperty("code").GetString());

        var history = (await Steps.GetAsync(officer, $"{Publications}/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(["publication-planned", "publication-rescheduled", "publication-edited", "publication-started", "publication-published"],
            history.Select(h => h.GetProperty("event").GetString()));
        Assert.Equal($"{day:yyyy-MM-dd}T10:00:00+09:00", history[1].GetProperty("data").GetProperty("from").GetString());
        Assert.Equal($"humas-officer-{unit}", history[1].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task An_officer_of_one_regency_cannot_change_another_and_the_province_oversees_its_regencies_only()
    {
        var unit = "kpu-73.71";
        using var makassar = await Steps.AsAsync("humas-officer", unit);
        using var pinrang = await Steps.AsAsync("humas-officer", "kpu-73.15");
        using var province = await Steps.AsAsync("humas-officer", "kpu-73");
        using var otherProvince = await Steps.AsAsync("humas-officer", "kpu-33");
        using var bawaslu = await Steps.AsAsync("humas-officer", "bawaslu-73");
        using var anyone = await Gateway.ClientAsync();
        var (id, _) = await PlanAsync(makassar, Item(unit, "Liputan rapat pleno", $"{RandomDay():yyyy-MM-dd}T09:00", visibility: "internal"));

        var change = new { status = "in-progress" };
        foreach (var outsider in new[] { pinrang, otherProvince, bawaslu })
            await ProblemAsync(await SendAsync(outsider, HttpMethod.Post, $"{Publications}/{id}/status", "\"1\"", change), HttpStatusCode.Forbidden);
        await ProblemAsync(await SendAsync(anyone, HttpMethod.Post, $"{Publications}/{id}/status", "\"1\"", change), HttpStatusCode.Unauthorized);
        await ProblemAsync(await pinrang.PostAsJsonAsync(Publications, Item(unit, "Bukan unit saya", null)), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(province, HttpMethod.Post, $"{Publications}/{id}/status", "\"1\"", change)).StatusCode);

        // An internal item does not exist for the public, nor for another regency's officers.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"{Publications}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pinrang.GetAsync($"{Publications}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"{Publications}/{id}")).StatusCode);
        await ProblemAsync(await pinrang.GetAsync($"{Publications}/{id}/history"), HttpStatusCode.Forbidden);

        // A PPID officer of the unit reads the calendar but does not plan it.
        using var ppid = await Steps.AsAsync("ppid-officer", unit);
        await ProblemAsync(await ppid.PostAsJsonAsync(Publications, Item(unit, "x", null)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_fields_named_and_nothing_is_written()
    {
        var unit = RandomUnit("33");
        var day = RandomDay();
        using var officer = await Steps.AsAsync("humas-officer", unit);
        var problem = await ProblemAsync(await officer.PostAsJsonAsync(Publications, new
        {
            unitId = unit, title = "", channels = Array.Empty<string>(), plannedAt = "besok pagi", stage = new { electionId = "pemilu-2024", stageId = "tidak-ada" },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["title", "kind", "channels", "plannedAt"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await ProblemAsync(await officer.PostAsJsonAsync(Publications, new { unitId = unit, title = "x", kind = "press-release", channels = new[] { "fax" } }), HttpStatusCode.BadRequest);
        var stage = await ProblemAsync(await officer.PostAsJsonAsync(Publications, new
        {
            unitId = unit, title = "x", kind = "press-release", channels = new[] { "website" }, plannedAt = $"{day:yyyy-MM-dd}T10:00",
            stage = new { electionId = "pemilu-2024", stageId = "tidak-ada" },
        }), HttpStatusCode.BadRequest);
        Assert.True(stage.GetProperty("errors").TryGetProperty("stage", out _));

        var agenda = await Steps.GetAsync(officer, $"/api/calendar/units/{unit}/agenda?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        Assert.Equal(0, agenda.GetProperty("items").GetArrayLength());

        var (id, _) = await PlanAsync(officer, Item(unit, "Unggahan Instagram", $"{day:yyyy-MM-dd}T10:00"));
        await ProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{Publications}/{id}/status", "\"1\"", new { status = "finished" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{Publications}/{id}/reschedule", "\"1\"", new { plannedAt = "2026-13-01T10:00" }), HttpStatusCode.BadRequest);
        var unchanged = await officer.GetAsync($"{Publications}/{id}");
        Assert.Equal("\"1\"", unchanged.Headers.ETag?.Tag);
        await ProblemAsync(await officer.GetAsync($"/api/calendar/units/{unit}/agenda?from=2026-02-01&to=2026-01-01"), HttpStatusCode.BadRequest);
        await ProblemAsync(await officer.GetAsync($"/api/calendar/units/{unit}/agenda?from=2026-01-01&to=2026-01-31&channel=fax"), HttpStatusCode.BadRequest);
    }
}
