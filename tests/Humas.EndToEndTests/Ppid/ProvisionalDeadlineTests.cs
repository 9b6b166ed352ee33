using System.Net;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>A deadline that runs into a year whose holiday decree is not loaded skips that year's fixed-date holidays, and says it is provisional.</summary>
public sealed class ProvisionalDeadlineTests
{
    [Fact]
    public async Task A_request_received_on_23_December_2026_is_due_11_January_2027_past_New_Year_and_provisional()
    {
        using var anyone = await Gateway.ClientAsync();

        var deadline = await Steps.GetAsync(anyone, "/api/ppid/deadlines?unitId=kpu-31.71&rule=answer&receivedAt=2026-12-23T10:00:00%2B07:00");

        Assert.Equal("2027-01-11", deadline.GetProperty("dueDate").GetString());
        Assert.True(deadline.GetProperty("provisional").GetBoolean());
        var newYear = Assert.Single(deadline.GetProperty("skippedDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-01-01");
        Assert.Equal("national-holiday", newYear.GetProperty("reason").GetString());
        Assert.Contains("Tahun Baru", newYear.GetProperty("nameId").GetString());
        Assert.Contains("2027", deadline.GetProperty("explanation").GetProperty("id").GetString());
        Assert.Contains("2027", deadline.GetProperty("explanation").GetProperty("en").GetString());
    }

    [Fact]
    public async Task A_fixed_date_holiday_is_not_removed_by_an_administrator_a_change_of_law_is_a_change_of_data()
    {
        using var admin = await Steps.AsAsync("admin", "kpu");

        var response = await admin.DeleteAsync("/api/ppid/admin/non-working-days/2027-01-01?reason=uji");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("non-working-day.fixed-date", (await Problems.ReadAsync(response)).GetProperty("code").GetString());
    }
}
