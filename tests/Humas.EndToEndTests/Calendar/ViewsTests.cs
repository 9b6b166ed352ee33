using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.Calendar;

/// <summary>Agenda, roll-ups, missed lists and leadership figures through the gateway, and who sees what.</summary>
public sealed class ViewsTests
{
    [Fact]
    public async Task The_agenda_shows_the_public_items_and_stages_to_anyone_and_everything_to_the_units_officers()
    {
        var unit = RandomUnit("33");
        var day = RandomDay();
        using var officer = await Steps.AsAsync("humas-officer", unit);
        using var anyone = await Gateway.ClientAsync();
        var (publicId, _) = await PlanAsync(officer, Item(unit, "Rilis publik", $"{day:yyyy-MM-dd}T08:00"));
        var (internalId, _) = await PlanAsync(officer, Item(unit, "Rapat redaksi", $"{day:yyyy-MM-dd}T13:00", visibility: "internal"));
        var (poolId, _) = await PlanAsync(officer, Item(unit, $"Ide konten {Guid.NewGuid():N}", null, visibility: "internal"));

        var path = $"/api/calendar/units/{unit}/agenda?from={day:yyyy-MM-dd}&to={day.AddDays(6):yyyy-MM-dd}";
        var mine = await Steps.GetAsync(officer, path);
        Assert.Equal([publicId, internalId], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publicationId").GetString()));
        Assert.Contains(mine.GetProperty("unscheduled").EnumerateArray(), i => i.GetProperty("publicationId").GetString() == poolId);
        var theirs = await Steps.GetAsync(anyone, path);
        Assert.Equal([publicId], theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publicationId").GetString()));
        Assert.False(theirs.TryGetProperty("unscheduled", out _));
        Assert.DoesNotContain("Rapat redaksi", theirs.GetRawText());
        Assert.Equal(0, (await Steps.GetAsync(officer, path + "&channel=tiktok")).GetProperty("items").GetArrayLength());
        Assert.Equal(2, (await Steps.GetAsync(officer, path + "&channel=instagram&status=planned&kind=press-release")).GetProperty("items").GetArrayLength());

        var campaign = await Steps.GetAsync(anyone, $"/api/calendar/units/{unit}/agenda?from=2024-02-01&to=2024-02-29");
        Assert.Contains(campaign.GetProperty("stages").EnumerateArray(), s => s.GetProperty("stageId").GetString() == "voting" && s.GetProperty("electionId").GetString() == "pemilu-2024");
    }

    [Fact]
    public async Task A_province_rolls_up_its_regencies_only_and_the_national_office_rolls_up_provinces()
    {
        var day = RandomDay();
        var (a, b) = ("kpu-73.01", "kpu-73.02");
        using var officerA = await Steps.AsAsync("humas-officer", a);
        using var officerB = await Steps.AsAsync("humas-officer", b);
        using var outside = await Steps.AsAsync("humas-officer", "kpu-33.01");
        await PlanAsync(officerA, Item(a, "A satu", $"{day:yyyy-MM-dd}T09:00"));
        var (cancelId, _) = await PlanAsync(officerA, Item(a, "A dua", $"{day:yyyy-MM-dd}T10:00", kind: "social-media-post"));
        await PlanAsync(officerB, Item(b, "B satu", $"{day:yyyy-MM-dd}T11:00", visibility: "internal"));
        await PlanAsync(outside, Item("kpu-33.01", "Bukan Sulawesi", $"{day:yyyy-MM-dd}T11:00"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officerA, HttpMethod.Post, $"{Publications}/{cancelId}/status", "\"1\"", new { status = "cancelled" })).StatusCode);

        using var province = await Steps.AsAsync("humas-officer", "kpu-73");
        var range = $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";
        var rollUp = await Steps.GetAsync(province, $"/api/calendar/roll-up?unitId=kpu-73&{range}");
        var units = rollUp.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetString()!);
        Assert.True(units.Keys.All(k => k.StartsWith("kpu-73", StringComparison.Ordinal)), string.Join(", ", units.Keys));
        Assert.Equal((2, 1, 1), (units[a].GetProperty("total").GetInt32(), units[a].GetProperty("planned").GetInt32(), units[a].GetProperty("cancelled").GetInt32()));
        Assert.Equal(1, units[b].GetProperty("total").GetInt32());
        var filtered = await Steps.GetAsync(province, $"/api/calendar/roll-up?unitId=kpu-73&{range}&kind=social-media-post");
        Assert.Equal(1, filtered.GetProperty("totals").GetProperty("total").GetInt32());

        await ProblemAsync(await officerA.GetAsync($"/api/calendar/roll-up?unitId=kpu-73&{range}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await outside.GetAsync($"/api/calendar/roll-up?unitId=kpu-73&{range}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await province.GetAsync($"/api/calendar/roll-up?unitId=kpu-73.01&{range}"), HttpStatusCode.BadRequest);
        await ProblemAsync(await (await Gateway.ClientAsync()).GetAsync($"/api/calendar/roll-up?unitId=kpu-73&{range}"), HttpStatusCode.Unauthorized);

        using var national = await Steps.AsAsync("humas-officer", "kpu");
        var country = await Steps.GetAsync(national, $"/api/calendar/roll-up?unitId=kpu&{range}");
        var provinces = country.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetString()!);
        Assert.True(provinces["kpu-73"].GetProperty("total").GetInt32() >= 3);
        Assert.True(provinces["kpu-33"].GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task An_item_whose_day_passed_unpublished_is_marked_missed_by_the_service_and_shows_on_the_missed_list_and_in_the_figures()
    {
        var unit = RandomUnit("91");
        var day = new DateOnly(2025, 1, 1).AddDays(Random.Shared.Next(0, 300));
        using var officer = await Steps.AsAsync("humas-officer", unit);
        var (missedId, _) = await PlanAsync(officer, Item(unit, "Terlewat", $"{day:yyyy-MM-dd}T10:00"));
        var (lateId, _) = await PlanAsync(officer, Item(unit, "Terlambat", $"{day:yyyy-MM-dd}T11:00"));
        await SweepAsync();

        Assert.Equal("missed", (await Steps.GetAsync(officer, $"{Publications}/{missedId}")).GetProperty("status").GetString());
        var history = await Steps.GetAsync(officer, $"{Publications}/{missedId}/history");
        Assert.True(history[1].GetProperty("data").GetProperty("bySystem").GetBoolean());
        var late = await Steps.OkAsync(await SendAsync(officer, HttpMethod.Post, $"{Publications}/{lateId}/status", "\"2\"", new { status = "published" }));
        Assert.True(late.GetProperty("late").GetBoolean());

        using var province = await Steps.AsAsync("supervisor", "kpu-91");
        var range = $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";
        var missed = await Steps.GetAsync(province, $"/api/calendar/missed?unitId=kpu-91&{range}");
        Assert.Contains(missed.GetProperty("missed").EnumerateArray(), m => m.GetProperty("publicationId").GetString() == missedId);
        Assert.DoesNotContain(missed.GetProperty("missed").EnumerateArray(), m => m.GetProperty("publicationId").GetString() == lateId);
        var figures = (await Steps.GetAsync(province, $"/api/calendar/figures?unitId=kpu-91&{range}")).GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetString() == unit);
        Assert.True(figures.GetProperty("missed").GetInt32() >= 1);
        Assert.True(figures.GetProperty("publishedLate").GetInt32() >= 1);
    }
}
