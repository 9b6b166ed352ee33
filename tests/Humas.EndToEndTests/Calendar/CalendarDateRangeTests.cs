using System.Net.Http.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Calendar;

/// <summary>As in Ppid: dates far outside any plausible use are a 400 naming the field on every calendar endpoint, and too-long texts too.</summary>
public sealed class CalendarDateRangeTests
{
    private const string Unit = "kpu-91.71";

    [Theory]
    [InlineData("/api/calendar/units/kpu-91.71/agenda?from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("/api/calendar/roll-up?unitId=kpu-91&from=2026-01-01&to=0001-01-01", "to")]
    [InlineData("/api/calendar/figures?unitId=kpu-91.71&from=1999-12-31&to=2026-01-01", "from")]
    public async Task A_date_out_of_range_in_a_query_is_a_400_naming_it(string path, string field)
    {
        using var officer = await Steps.AsAsync("humas-officer", Unit);
        await Problems.AssertFieldAsync(await officer.GetAsync(path), field, "field.date-out-of-range");
    }

    [Fact]
    public async Task A_series_starting_in_year_1_and_a_title_too_long_are_refused_before_anything_is_planned()
    {
        using var officer = await Steps.AsAsync("humas-officer", Unit);
        var body = new
        {
            unitId = Unit, title = new string('x', 301), kind = "other", channels = new[] { "website" }, time = "09:00", start = "0001-01-01",
            rule = new { frequency = "weekly", interval = 1, weekdays = new[] { "monday" }, count = 2 },
        };
        var response = await officer.PostAsJsonAsync("/api/calendar/series", body);
        await Problems.AssertFieldAsync(response, "start", "field.date-out-of-range");
        await Problems.AssertFieldAsync(response, "title", "field.too-long");
    }
}
