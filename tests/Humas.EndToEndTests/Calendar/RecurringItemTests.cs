using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.Calendar;

/// <summary>Recurring items through the gateway: occurrences planned ahead on working days, each changed or skipped on its own.</summary>
public sealed class RecurringItemTests
{
    [Fact]
    public async Task A_monthly_item_on_the_first_working_day_is_planned_ahead_and_one_occurrence_is_skipped_and_another_moved()
    {
        var unit = RandomUnit("73");
        using var officer = await Steps.AsAsync("humas-officer", unit);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var body = new
        {
            unitId = unit, title = "Rekap informasi bulanan", kind = "social-media-post", channels = new[] { "instagram" }, visibility = "public",
            time = "09:00", start = today.ToString("yyyy-MM-dd"), rule = new { frequency = "monthly", interval = 1, monthlyOn = "first-working-day", count = 6 },
        };
        var created = await officer.PostAsJsonAsync("/api/calendar/series", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var series = await created.Content.ReadFromJsonAsync<JsonElement>();
        var occurrences = series.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.InRange(occurrences.Count, 2, 4); // a 90-day window holds two to four first working days
        Assert.All(occurrences, o => Assert.EndsWith("T09:00:00+08:00", o.GetProperty("plannedAt").GetString()));
        Assert.All(occurrences, o => Assert.NotEqual(DayOfWeek.Saturday, DateOnly.Parse(o.GetProperty("agendaDate").GetString()!).DayOfWeek));

        var first = occurrences[0].GetProperty("publicationId").GetString()!;
        var moved = await SendAsync(officer, HttpMethod.Post, $"{Publications}/{first}/reschedule", "\"1\"", new { plannedAt = $"{DateOnly.Parse(occurrences[0].GetProperty("agendaDate").GetString()!).AddDays(1):yyyy-MM-dd}T10:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var secondDate = occurrences[1].GetProperty("agendaDate").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(officer, HttpMethod.Post, $"/api/calendar/series/{series.GetProperty("seriesId").GetString()}/occurrences/{secondDate}/skip", "\"1\"", null)).StatusCode);

        // A weekly item's twentieth Monday, beyond the window and not planned yet, is skipped before it exists.
        var weekly = await Steps.OkAsync(await officer.PostAsJsonAsync("/api/calendar/series", new
        {
            unitId = unit, title = "Sapa warga tiap Senin", kind = "social-media-post", channels = new[] { "instagram" }, visibility = "public",
            time = "08:00", start = today.ToString("yyyy-MM-dd"), rule = new { frequency = "weekly", interval = 1, weekdays = new[] { "monday" }, count = 30 },
        }));
        var firstMonday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        var twentieth = firstMonday.AddDays(7 * 19);
        Assert.DoesNotContain(weekly.GetProperty("occurrences").EnumerateArray(), o => o.GetProperty("agendaDate").GetString() == $"{twentieth:yyyy-MM-dd}");
        var skipped = await SendAsync(officer, HttpMethod.Post, $"/api/calendar/series/{weekly.GetProperty("seriesId").GetString()}/occurrences/{twentieth:yyyy-MM-dd}/skip", null, null);
        Assert.Equal("cancelled", (await Steps.OkAsync(skipped)).GetProperty("status").GetString());
        await ProblemAsync(await SendAsync(officer, HttpMethod.Post, $"/api/calendar/series/{weekly.GetProperty("seriesId").GetString()}/occurrences/{twentieth.AddDays(1):yyyy-MM-dd}/skip", null, null),
            HttpStatusCode.NotFound);

        // Ended after its second Monday: the later occurrences are cancelled and no more are planned; ending it again changes nothing.
        var weeklyPath = $"/api/calendar/series/{weekly.GetProperty("seriesId").GetString()}";
        await ProblemAsync(await SendAsync(officer, HttpMethod.Post, $"{weeklyPath}/end", "\"1\"", new { lastDate = today.AddDays(-1) }), HttpStatusCode.BadRequest);
        var ended = await Steps.OkAsync(await SendAsync(officer, HttpMethod.Post, $"{weeklyPath}/end", "\"1\"", new { lastDate = firstMonday.AddDays(7), reason = "Program selesai" }));
        Assert.Equal($"{firstMonday.AddDays(7):yyyy-MM-dd}", ended.GetProperty("rule").GetProperty("until").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(officer, HttpMethod.Post, $"{weeklyPath}/end", "\"1\"", new { lastDate = firstMonday })).StatusCode);
        var weeklyNow = (await Steps.GetAsync(officer, weeklyPath)).GetProperty("occurrences").EnumerateArray().ToList();
        Assert.All(weeklyNow.Where(o => DateOnly.Parse(o.GetProperty("agendaDate").GetString()!) > firstMonday.AddDays(7)),
            o => Assert.Equal("cancelled", o.GetProperty("status").GetString()));
        Assert.Equal(2, weeklyNow.Count(o => o.GetProperty("status").GetString() == "planned"));

        var again = await Steps.GetAsync(officer, $"/api/calendar/series/{series.GetProperty("seriesId").GetString()}");
        var statuses = again.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("status").GetString()).ToList();
        Assert.Equal(["planned", "cancelled"], statuses.Take(2));

        using var other = await Steps.AsAsync("humas-officer", unit == "kpu-73.01" ? "kpu-73.02" : "kpu-73.01");
        await ProblemAsync(await other.GetAsync($"/api/calendar/series/{series.GetProperty("seriesId").GetString()}"), HttpStatusCode.Forbidden);
        var bad = await ProblemAsync(await officer.PostAsJsonAsync("/api/calendar/series", new { unitId = unit, title = "x", kind = "other", channels = new[] { "x" }, time = "25:00", start = "2026-01-01", rule = new { frequency = "weekly", interval = 1 } }), HttpStatusCode.BadRequest);
        Assert.Equal(["time", "rule.weekdays", "rule"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_holiday_an_administrator_adds_in_ppid_moves_a_first_working_day_occurrence_that_falls_on_it()
    {
        var unit = RandomUnit("73");
        using var officer = await Steps.AsAsync("humas-officer", unit);
        using var admin = await Steps.AsAsync("admin", "kpu");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var series = await Steps.OkAsync(await officer.PostAsJsonAsync("/api/calendar/series", new
        {
            unitId = unit, title = "Laporan awal bulan", kind = "social-media-post", channels = new[] { "instagram" }, visibility = "internal",
            time = "09:00", start = today.AddDays(1).ToString("yyyy-MM-dd"), rule = new { frequency = "monthly", interval = 1, monthlyOn = "first-working-day", count = 3 },
        }));
        var seriesPath = $"/api/calendar/series/{series.GetProperty("seriesId").GetString()}";
        var holiday = DateOnly.Parse(series.GetProperty("occurrences")[1].GetProperty("agendaDate").GetString()!);

        try
        {
            await Holidays.AddAcceptedAsync(admin, holiday);
            JsonElement occurrences = default;
            await Gateway.EventuallyAsync(async () =>
            {
                occurrences = (await Steps.GetAsync(officer, seriesPath)).GetProperty("occurrences");
                return occurrences.EnumerateArray().Any(o => o.GetProperty("agendaDate").GetString() == $"{holiday:yyyy-MM-dd}" && o.GetProperty("status").GetString() == "cancelled");
            }, TimeSpan.FromMinutes(1), $"the occurrence on {holiday:yyyy-MM-dd} to be cancelled once Calendar learns of the holiday");
            var planned = occurrences.EnumerateArray().Where(o => o.GetProperty("status").GetString() == "planned")
                .Select(o => DateOnly.Parse(o.GetProperty("agendaDate").GetString()!)).ToList();
            var moved = planned.SingleOrDefault(d => d.Year == holiday.Year && d.Month == holiday.Month);
            Assert.True(moved > holiday, $"the month of {holiday:yyyy-MM-dd} has its occurrence on a later working day; planned: {string.Join(", ", planned)}");
            Assert.NotEqual(DayOfWeek.Saturday, moved.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, moved.DayOfWeek);
        }
        finally
        {
            await Holidays.RemoveAsync(admin, holiday);
        }
    }
}
