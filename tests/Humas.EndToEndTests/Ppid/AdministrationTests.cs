using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

public sealed class AdministrationTests
{
    [Fact]
    public async Task Adding_a_holiday_moves_the_due_dates_of_open_requests_and_records_why_and_removing_it_moves_them_back()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var request = await Steps.RegisterAsync(officer, unit);
        using var admin = await Steps.AsAsync("admin", "kpu");
        var holiday = request.DueDate;

        try
        {
            var added = await Holidays.AddAcceptedAsync(admin, holiday);
            var done = await Holidays.CompletedAsync(admin, added, TimeSpan.FromMinutes(2));
            Assert.True(done.GetProperty("requestsChanged").GetInt32() >= 1, done.ToString());
            var newDue = DateOnly.Parse((await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}")).GetProperty("dueDate").GetString()!);
            Assert.True(newDue > request.DueDate);
            var history = await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}/history");
            Assert.Contains(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "due-date-recomputed");

            var anyone = await Gateway.ClientAsync();
            var check = await Steps.GetAsync(anyone, $"/api/ppid/deadlines?unitId={unit}&from={request.DueDate.AddDays(-1):yyyy-MM-dd}&rule=extension");
            Assert.DoesNotContain(check.GetProperty("skippedDays").EnumerateArray(), d => d.GetProperty("date").GetString() == holiday.AddDays(-1).ToString("yyyy-MM-dd"));
        }
        finally
        {
            await Holidays.RemoveAsync(admin, holiday);
        }
        Assert.Equal(request.DueDate.ToString("yyyy-MM-dd"), (await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}")).GetProperty("dueDate").GetString());

        // Both changes reach the Calendar; whatever their order of arrival, it ends on the latest.
        await Gateway.EventuallyAsync(async () => (await Requests.CalendarDeadlinesAsync(unit)).GetProperty("deadlines").EnumerateArray()
            .Any(d => d.GetProperty("registrationNumber").GetString() == request.Number && d.GetProperty("dueDate").GetString() == request.DueDate.ToString("yyyy-MM-dd")),
            TimeSpan.FromSeconds(30), "the Calendar to show the due date restored");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var final = (await Requests.CalendarDeadlinesAsync(unit)).GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("registrationNumber").GetString() == request.Number);
        Assert.Equal(request.DueDate.ToString("yyyy-MM-dd"), final.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Only_an_administrator_changes_the_calendar_and_bad_input_is_named()
    {
        using var officer = await Steps.AsAsync("ppid-officer", "kpu-33");
        var refused = await officer.PostAsJsonAsync("/api/ppid/admin/non-working-days", new { date = "2026-12-31", kind = "national-holiday", nameId = "x", source = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var admin = await Steps.AsAsync("admin", "kpu");
        var incomplete = await admin.PostAsJsonAsync("/api/ppid/admin/non-working-days", new { date = "2026-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _) && errors.TryGetProperty("source", out _));
    }

    [Fact]
    public async Task Erasing_a_requesters_data_keeps_the_request_counted_with_the_personal_fields_erased()
    {
        var unit = Requests.RandomRegencyUnit("35");
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var request = await Steps.RegisterAsync(officer, unit);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        using var anyone = await Gateway.ClientAsync();
        var before = (await Steps.GetAsync(anyone, $"/api/ppid/reports/annual?unitId={unit}&year={year}")).GetProperty("requestsReceived").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await DeleteAsync(officer, $"/api/ppid/requests/{request.Number}/requester", 1)).StatusCode);
        using var admin = await Steps.AsAsync("admin", "kpu");
        await Steps.OkAsync(await DeleteAsync(admin, $"/api/ppid/requests/{request.Number}/requester", 1));

        var view = await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}");
        var requester = view.GetProperty("requester");
        Assert.True(requester.GetProperty("erased").GetBoolean());
        Assert.False(requester.TryGetProperty("nik", out _));
        var register = await Steps.GetAsync(officer, $"/api/ppid/requests?unitId={unit}");
        var entry = register.EnumerateArray().Single(e => e.GetProperty("registrationNumber").GetString() == request.Number);
        Assert.DoesNotContain("Siti", entry.GetProperty("requesterName").GetString());
        Assert.Equal(before, (await Steps.GetAsync(anyone, $"/api/ppid/reports/annual?unitId={unit}&year={year}")).GetProperty("requestsReceived").GetInt32());
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path, long ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        return client.SendAsync(request);
    }
}
