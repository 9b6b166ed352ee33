using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.Calendar;

/// <summary>
/// Across both services: Ppid publishes a berkala DIP entry; the Calendar completes the planned
/// item, starts the obligation due six months later, says when it comes due and when it is
/// overdue; Ppid shows that on its compliance view.
/// </summary>
public sealed class BerkalaObligationTests
{
    [Fact]
    public async Task A_published_berkala_entry_completes_its_planned_item_and_its_obligation_comes_due_and_overdue_on_Ppids_compliance_view()
    {
        var unit = Requests.RandomRegencyUnit();
        var title = $"Laporan realisasi anggaran {Guid.NewGuid():N}"[..40];
        using var humas = await Steps.AsAsync("humas-officer", unit);
        using var ppid = await Steps.AsAsync("ppid-officer", unit);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var (plannedId, _) = await PlanAsync(humas, Item(unit, title, $"{today.AddDays(3):yyyy-MM-dd}T09:00", kind: "dip-information"));

        var drafted = await ppid.PostAsJsonAsync("/api/ppid/information-list", new
        {
            unitId = unit, title, summary = "Realisasi anggaran semester", category = "berkala", responsibleOfficial = "Subbagian Keuangan",
            formats = new[] { "softcopy" }, retentionPeriod = "5 tahun", year = today.Year,
        });
        var entryId = (await Steps.OkAsync(drafted)).GetProperty("entryId").GetString()!;
        await Steps.OkAsync(await SendAsync(ppid, HttpMethod.Post, $"/api/ppid/information-list/{entryId}/publish", "\"1\"", new { url = "https://kpu.go.id/lra.pdf" }));
        var due = today.AddMonths(6);

        // The Calendar learns of it through the broker: the planned item is published, the obligation is on the agenda.
        JsonElement agenda = default;
        await Gateway.EventuallyAsync(async () =>
        {
            agenda = await Steps.GetAsync(humas, $"/api/calendar/units/{unit}/agenda?from={due.AddDays(-2):yyyy-MM-dd}&to={due.AddDays(2):yyyy-MM-dd}");
            return agenda.GetProperty("obligations").EnumerateArray().Any(o => o.GetProperty("obligationId").GetString() == entryId);
        }, TimeSpan.FromSeconds(60), "the berkala obligation on the Calendar");
        var obligation = agenda.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("obligationId").GetString() == entryId);
        Assert.Equal(due.ToString("yyyy-MM-dd"), obligation.GetProperty("dueDate").GetString());
        var item = await Steps.GetAsync(humas, $"{Publications}/{plannedId}");
        Assert.Equal(("published", false), (item.GetProperty("status").GetString(), item.GetProperty("late").GetBoolean()));
        Assert.Equal("ppid-information", (await Steps.GetAsync(humas, $"{Publications}/{plannedId}/history"))[1].GetProperty("data").GetProperty("source").GetString());

        await Gateway.EventuallyAsync(async () => await ComplianceStateAsync(ppid, unit, entryId) == "scheduled", TimeSpan.FromSeconds(60),
            "Ppid's compliance view to show the obligation scheduled");

        await SweepAsync(new DateTimeOffset(due.AddDays(-5).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)));
        await Gateway.EventuallyAsync(async () => await ComplianceStateAsync(ppid, unit, entryId) == "due", TimeSpan.FromSeconds(60),
            "Ppid's compliance view to show the obligation due");

        await SweepAsync(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(0, 30)), TimeSpan.FromHours(7)));
        await Gateway.EventuallyAsync(async () => await ComplianceStateAsync(ppid, unit, entryId) == "overdue", TimeSpan.FromSeconds(60),
            "Ppid's compliance view to show the obligation overdue");
        using var province = await Steps.AsAsync("supervisor", "kpu-33");
        var missed = await Steps.GetAsync(province, $"/api/calendar/missed?unitId=kpu-33&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Contains(missed.GetProperty("overdueObligations").EnumerateArray(), o => o.GetProperty("obligationId").GetString() == entryId);

        // Officers of another regency do not see it; the public does not reach the compliance view.
        using var other = await Steps.AsAsync("ppid-officer", unit == "kpu-33.01" ? "kpu-33.02" : "kpu-33.01");
        await ProblemAsync(await other.GetAsync($"/api/ppid/compliance?unitId={unit}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await (await Gateway.ClientAsync()).GetAsync($"/api/ppid/compliance?unitId={unit}"), HttpStatusCode.Unauthorized);
    }

    private static async Task<string?> ComplianceStateAsync(HttpClient officer, string unit, string entryId)
    {
        var view = await Steps.GetAsync(officer, $"/api/ppid/compliance?unitId={unit}");
        return view.GetProperty("obligations").EnumerateArray().FirstOrDefault(o => o.GetProperty("obligationId").GetString() == entryId) is { ValueKind: JsonValueKind.Object } o
            ? o.GetProperty("state").GetString()
            : null;
    }
}
