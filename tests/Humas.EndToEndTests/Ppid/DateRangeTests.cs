using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>Dates far outside any plausible use (year 9999, year 1) are a 400 naming the field, on every endpoint, and change nothing.</summary>
public sealed class DateRangeTests
{
    private const string Code = "field.date-out-of-range";
    private const string Unit = "kpu-31.71";

    [Theory]
    [InlineData("/api/ppid/deadlines?unitId=kpu-31.71&rule=answer&receivedAt=9999-12-31T23:59:59Z", "receivedAt")]
    [InlineData("/api/ppid/deadlines?unitId=kpu-31.71&rule=extension&receivedAt=2026-01-05T10:00:00Z&from=9999-12-31", "from")]
    [InlineData("/api/ppid/deadlines?unitId=kpu-31.71&rule=answer&receivedAt=0001-01-01T00:00:00Z", "receivedAt")]
    [InlineData("/api/ppid/deadlines?unitId=kpu-31.71&rule=extension&from=1999-12-31", "from")]
    [InlineData("/api/ppid/requests?unitId=kpu-31.71&to=9999-12-31", "to")]
    [InlineData("/api/ppid/requests?unitId=kpu-31.71&from=0001-01-01", "from")]
    [InlineData("/api/ppid/objections?unitId=kpu-31.71&from=9999-12-31", "from")]
    [InlineData("/api/ppid/objections?unitId=kpu-31.71&to=0001-01-01", "to")]
    public async Task A_date_out_of_range_in_a_query_is_a_400_naming_it(string path, string field)
    {
        using var officer = await Steps.AsAsync("ppid-officer", Unit);

        var problem = await Problems.AssertFieldAsync(await officer.GetAsync(path), field, Code);

        Assert.Equal(Code, problem.GetProperty("code").GetString());
        Assert.Contains("2000", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Contains("2100", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_receipt_in_year_1_is_refused_naming_receivedAt_and_registers_nothing()
    {
        using var officer = await Steps.AsAsync("ppid-officer", Unit);
        var before = await Requests.RegisterCountAsync(Unit);
        var json = JsonSerializer.SerializeToElement(Requests.Valid(Unit)).GetRawText().TrimEnd('}') + ",\"receivedAt\":\"0001-01-01T00:00:00Z\"}";

        await Problems.AssertFieldAsync(await officer.PostAsync("/api/ppid/requests", new StringContent(json, Encoding.UTF8, "application/json")), "receivedAt", Code);

        Assert.Equal(before, await Requests.RegisterCountAsync(Unit));
    }

    [Fact]
    public async Task A_holiday_in_year_9999_is_refused_naming_the_date_and_the_calendar_is_unchanged()
    {
        using var admin = await Steps.AsAsync("admin", "kpu");

        await Problems.AssertFieldAsync(await admin.PostAsJsonAsync("/api/ppid/admin/non-working-days",
            new { date = "9999-12-31", kind = "national-holiday", nameId = "Uji", source = "Uji" }), "date", Code);
        await Problems.AssertFieldAsync(await admin.DeleteAsync("/api/ppid/admin/non-working-days/0001-01-01?reason=uji"), "date", Code);

        var days = await Steps.GetAsync(admin, "/api/ppid/admin/non-working-days");
        Assert.DoesNotContain(days.EnumerateArray(), d => d.GetProperty("date").GetString() == "9999-12-31");
    }

    [Fact]
    public async Task A_date_in_a_body_is_checked_before_the_request_is_even_looked_up()
    {
        using var citizen = await Gateway.ClientAsync();

        var response = await Steps.PostAsync(citizen, "/api/ppid/requests/KPU-31.71-2026-99999/objections",
            new { grounds = new[] { "request-not-answered" }, reasons = "Belum dijawab", groundsAroseOn = "9999-12-31" }, 0, "ABCDEFGHJK");

        await Problems.AssertFieldAsync(response, "groundsAroseOn", Code);
    }
}
