using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>
/// Lists answer a page of at most <c>limit</c> items and say when there is more with a
/// <c>Link: &lt;…&gt;; rel="next"</c> header; following it gives every item once. CSV exports
/// are not paged: they stream every row.
/// </summary>
public sealed class ListPagingTests
{
    private static string Number(JsonElement e, string property = "registrationNumber") => e.GetProperty(property).GetString()!;

    [Fact]
    public async Task The_request_register_pages_with_a_next_link_and_following_it_gives_every_request_once()
    {
        var unit = Requests.RandomRegencyUnit("35", 29);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var registered = new List<string>();
        for (var i = 0; i < 3; i++) registered.Add((await Steps.RegisterAsync(officer, unit)).Number);

        var first = await officer.GetAsync($"/api/ppid/requests?unitId={unit}&limit=2");
        var page = await Steps.OkAsync(first);
        Assert.Equal(2, page.GetArrayLength());
        Assert.Equal([registered[2], registered[1]], page.EnumerateArray().Select(e => Number(e)));
        Assert.NotNull(Pages.Next(first));

        var all = await Pages.AllAsync(officer, $"/api/ppid/requests?unitId={unit}&limit=2");
        var numbers = all.Select(e => Number(e)).ToList();
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.Subset(numbers.ToHashSet(), registered.ToHashSet());
        Assert.Equal(numbers.Count, await Requests.RegisterCountAsync(unit));

        var filtered = await officer.GetAsync($"/api/ppid/requests?unitId={unit}&status=registered&limit=1");
        Assert.Contains("status=registered", Pages.Next(filtered));
    }

    [Theory]
    [InlineData("/api/ppid/requests?unitId=kpu-33.21&limit=0", "limit")]
    [InlineData("/api/ppid/requests?unitId=kpu-33.21&limit=100000", "limit")]
    [InlineData("/api/ppid/requests?unitId=kpu-33.21&cursor=not-a-cursor", "cursor")]
    [InlineData("/api/ppid/objections?unitId=kpu-33.21&limit=0", "limit")]
    [InlineData("/api/ppid/information-list?unitId=kpu-33.21&limit=5000", "limit")]
    [InlineData("/api/ppid/information-list?unitId=kpu-33.21&cursor=%7B%7D", "cursor")]
    [InlineData("/api/calendar/request-deadlines?unitId=kpu-33.21&limit=-1", "limit")]
    public async Task A_limit_out_of_range_or_a_cursor_not_from_a_link_is_a_400_naming_it(string path, string field)
    {
        using var officer = await Steps.AsAsync("ppid-officer", "kpu-33.21");
        var response = await officer.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problems.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_objection_register_pages_and_filters_in_the_database()
    {
        var unit = Requests.RandomRegencyUnit("35", 29);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var objections = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var request = await Steps.RegisterAsync(citizen, unit);
            await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/ppid/requests/{request.Number}/answer",
                new { outcome = "not-held", summary = "Tidak dikuasai", delivery = "email" }, 1));
            var filed = await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections",
                new { grounds = new[] { "answered-not-as-requested" }, reasons = "Seharusnya ada" }, 0, request.AccessCode);
            objections.Add(Number(await Steps.OkAsync(filed), "objectionNumber"));
        }

        var first = await officer.GetAsync($"/api/ppid/objections?unitId={unit}&status=filed&limit=1");
        var page = await Steps.OkAsync(first);
        Assert.Equal(objections[1], Number(Assert.Single(page.EnumerateArray()), "objectionNumber"));
        var next = Pages.Next(first);
        Assert.NotNull(next);
        Assert.Contains("status=filed", next);

        var all = (await Pages.AllAsync(officer, $"/api/ppid/objections?unitId={unit}&status=filed&limit=1")).Select(o => Number(o, "objectionNumber")).ToList();
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Subset(all.ToHashSet(), objections.ToHashSet());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.Empty(await Pages.AllAsync(officer, $"/api/ppid/objections?unitId={unit}&from={today.AddDays(2):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task The_public_list_of_information_pages_with_a_next_link()
    {
        var unit = Requests.RandomRegencyUnit("35", 29);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var anonymous = await Gateway.ClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var drafted = await officer.PostAsJsonAsync("/api/ppid/information-list", new
            {
                unitId = unit, title = $"Laporan {i} {Guid.NewGuid():N}", summary = "Ringkasan", category = "berkala",
                responsibleOfficial = "Subbagian Umum", formats = new[] { "softcopy" }, retentionPeriod = "5 tahun", year = 2025,
            });
            var id = (await Steps.OkAsync(drafted)).GetProperty("entryId").GetString()!;
            using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/ppid/information-list/{id}/publish") { Content = JsonContent.Create(new { }) };
            publish.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            await Steps.OkAsync(await officer.SendAsync(publish));
            ids.Add(id);
        }

        var first = await anonymous.GetAsync($"/api/ppid/information-list?unitId={unit}&limit=2");
        Assert.Equal(2, (await Steps.OkAsync(first)).GetArrayLength());
        Assert.NotNull(Pages.Next(first));
        var all = (await Pages.AllAsync(anonymous, $"/api/ppid/information-list?unitId={unit}&limit=2")).Select(e => e.GetProperty("entryId").GetString()!).ToList();
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Subset(all.ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public async Task The_calendar_deadlines_page_with_a_next_link()
    {
        var unit = Requests.RandomRegencyUnit("35", 29);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var numbers = new List<string>();
        for (var i = 0; i < 2; i++) numbers.Add((await Steps.RegisterAsync(officer, unit)).Number);
        using var calendar = await Steps.AsAsync("humas-officer", unit);
        var path = $"/api/calendar/request-deadlines?unitId={unit}&limit=1";

        await Gateway.EventuallyAsync(async () =>
        {
            var seen = (await Pages.AllAsync(calendar, path, page => page.GetProperty("deadlines"))).Select(d => Number(d)).ToList();
            return numbers.All(seen.Contains);
        }, TimeSpan.FromSeconds(30), "the Calendar to learn both requests");

        var first = await calendar.GetAsync(path);
        Assert.Single((await Steps.OkAsync(first)).GetProperty("deadlines").EnumerateArray());
        Assert.NotNull(Pages.Next(first));
    }

    [Fact]
    public async Task Csv_exports_are_streamed_not_built_whole_and_hold_every_row()
    {
        var unit = Requests.RandomRegencyUnit("35", 29);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var request = await Steps.RegisterAsync(officer, unit);

        foreach (var path in new[] { $"/api/ppid/requests?unitId={unit}&format=csv&limit=1", $"/api/ppid/objections?unitId={unit}&format=csv" })
        {
            using var response = await officer.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.TransferEncodingChunked, $"{path}: sent with a Content-Length, i.e. built whole before sending");
            var text = await response.Content.ReadAsStringAsync();
            if (path.Contains("/requests"))
            {
                Assert.Contains(request.Number, text);
                Assert.Equal(await Requests.RegisterCountAsync(unit) + 1, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }
    }
}
