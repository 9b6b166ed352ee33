using System.Net;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

public sealed class AnnualReportTests
{
    [Fact]
    public async Task The_report_of_a_seeded_year_counts_what_was_seeded_as_json_and_csv()
    {
        var unit = $"bawaslu-{Random.Shared.Next(11, 19)}.{Random.Shared.Next(1, 10):D2}";
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var anyone = await Gateway.ClientAsync();
        var before = await Steps.GetAsync(anyone, $"/api/ppid/reports/annual?unitId={unit}&year=2025");

        var received = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));
        var seeded = new List<Steps.Registered>();
        for (var i = 0; i < 6; i++) seeded.Add(await Steps.RegisterAsync(officer, unit, received.AddDays(i * 7)));
        async Task Answer(Steps.Registered r, object body) => await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/ppid/requests/{r.Number}/answer", body, 1));
        await Answer(seeded[0], new { outcome = "granted", summary = "x", delivery = "email", format = "PDF" });
        await Answer(seeded[1], new { outcome = "granted", summary = "x", delivery = "collect", format = "cetak" });
        await Answer(seeded[2], new { outcome = "refused", summary = "x", exemption = "c", consequenceTest = "pertahanan", delivery = "email" });
        await Answer(seeded[3], new { outcome = "not-held", summary = "Tidak dikuasai", delivery = "email" });
        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/ppid/requests/{seeded[4].Number}/referral", new { agency = "Dukcapil", reason = "Data kependudukan" }, 1));

        var after = await Steps.GetAsync(anyone, $"/api/ppid/reports/annual?unitId={unit}&year=2025");
        int Delta(string figure) => after.GetProperty(figure).GetInt32() - before.GetProperty(figure).GetInt32();
        Assert.Equal(6, Delta("requestsReceived"));
        Assert.Equal(2, Delta("answeredInFull"));
        Assert.Equal(1, Delta("refused"));
        Assert.Equal(1, Delta("notHeld"));
        Assert.Equal(1, Delta("referred"));
        Assert.Equal(1, Delta("stillOpen"));
        Assert.Equal(4, Delta("answeredLate")); // answered now, long after 2025's deadlines
        Assert.True(after.GetProperty("refusedByExemption").GetProperty("pasal-17-c").GetInt32() >= 1);

        var csv = await anyone.GetAsync($"/api/ppid/reports/annual?unitId={unit}&year=2025&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"permohonan_diterima,{after.GetProperty("requestsReceived").GetInt32()}", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync($"/api/ppid/reports/annual?unitId={unit}")).StatusCode);
    }
}
