using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

public sealed class RequestLifecycleTests
{
    [Fact]
    public async Task An_officer_extends_and_answers_in_part_and_the_register_filters_and_exports_it()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var request = await Steps.RegisterAsync(officer, unit);

        var extended = await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/ppid/requests/{request.Number}/extension", new { workingDays = 7, reason = "Dokumen di arsip kecamatan" }, 1));
        Assert.True(DateOnly.Parse(extended.GetProperty("dueDate").GetString()!) > request.DueDate.AddDays(8));
        var stale = await Steps.PostAsync(officer, $"/api/ppid/requests/{request.Number}/answer", new { outcome = "granted" }, 1);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var missingField = await Steps.PostAsync(officer, $"/api/ppid/requests/{request.Number}/answer", new { outcome = "refused", summary = "x", delivery = "email", consequenceTest = "uji" }, 2);
        Assert.Equal(HttpStatusCode.BadRequest, missingField.StatusCode);
        Assert.True((await missingField.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("exemption", out _));

        await Steps.OkAsync(await Steps.PostAsync(officer, $"/api/ppid/requests/{request.Number}/answer", new
        {
            outcome = "granted-in-part", summary = "Berita acara diberikan, NIK dihitamkan",
            withheldParts = new[] { new { part = "NIK saksi", exemption = "h", reason = "Rahasia pribadi" } },
            consequenceTest = "Membuka NIK merugikan saksi", delivery = "email", format = "PDF",
        }, 2));

        // The Calendar follows through the broker: the extended due date, then the answer.
        var extendedDue = extended.GetProperty("dueDate").GetString();
        await Gateway.EventuallyAsync(async () =>
        {
            var calendar = await Requests.CalendarDeadlinesAsync(unit);
            return calendar.GetProperty("deadlines").EnumerateArray().Any(d => d.GetProperty("registrationNumber").GetString() == request.Number
                && d.GetProperty("dueDate").GetString() == extendedDue && d.TryGetProperty("outcome", out var o) && o.GetString() == "granted-in-part");
        }, TimeSpan.FromSeconds(60), "the Calendar to show the extended due date and the answer");

        var view = await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}");
        Assert.Equal(("answered", "granted-in-part", true), (view.GetProperty("status").GetString(), view.GetProperty("outcome").GetString(), view.GetProperty("extended").GetBoolean()));

        var answered = await Steps.GetAsync(officer, $"/api/ppid/requests?unitId={unit}&status=answered&outcome=granted-in-part");
        Assert.Contains(answered.EnumerateArray(), e => e.GetProperty("registrationNumber").GetString() == request.Number);
        var open = await Steps.GetAsync(officer, $"/api/ppid/requests?unitId={unit}&status=registered");
        Assert.DoesNotContain(open.EnumerateArray(), e => e.GetProperty("registrationNumber").GetString() == request.Number);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/ppid/requests?unitId={unit}&status=lost")).StatusCode);

        var csv = await officer.GetAsync($"/api/ppid/requests?unitId={unit}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("nomor_registrasi,", text.TrimStart('\uFEFF'));
        Assert.Contains($"{request.Number},{unit},walk-in", text);
        Assert.Contains("Siti Aminah", text); // the register names the requester, for officers only
    }

    [Fact]
    public async Task Only_officers_of_the_unit_may_answer()
    {
        var unit = Requests.RandomRegencyUnit();
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(citizen, unit);
        var body = new { outcome = "granted", summary = "x", delivery = "email", format = "PDF" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/answer", body, 1, request.AccessCode)).StatusCode);
        using var otherOfficer = await Steps.AsAsync("ppid-officer", "kpu-35.01");
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(otherOfficer, $"/api/ppid/requests/{request.Number}/answer", body, 1)).StatusCode);
        using var bawaslu = await Steps.AsAsync("ppid-officer", unit.Replace("kpu", "bawaslu"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(bawaslu, $"/api/ppid/requests/{request.Number}/answer", body, 1)).StatusCode);

        using var officer = await Steps.AsAsync("ppid-officer", unit);
        Assert.Equal("registered", (await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_requester_withdraws_with_the_access_code_and_a_wrong_code_changes_nothing()
    {
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(citizen, Requests.RandomRegencyUnit());

        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/withdrawal", new { }, 1, "WRONGCODE1")).StatusCode);
        var withdrawn = await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/withdrawal", new { reason = "Sudah ada di situs" }, 1, request.AccessCode));

        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/withdrawal", new { }, 2, request.AccessCode)).StatusCode);
    }

    [Fact]
    public async Task A_request_received_long_ago_and_unanswered_is_detected_overdue_and_filtered_as_such()
    {
        var unit = Requests.RandomRegencyUnit("34", kabupatenCount: 4);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var late = await Steps.RegisterAsync(officer, unit, new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(new DateOnly(2025, 6, 18), late.DueDate); // 10 working days, skipping 6 Jun (Idul Adha) and 9 Jun (cuti bersama)

        using var admin = await Steps.AsAsync("admin", "kpu");
        await Steps.OkAsync(await admin.PostAsync("/api/ppid/admin/overdue-sweep", null));

        var view = await Steps.GetAsync(officer, $"/api/ppid/requests/{late.Number}");
        Assert.True(view.GetProperty("overdue").GetBoolean());
        var overdue = await Steps.GetAsync(officer, $"/api/ppid/requests?unitId={unit}&overdue=true");
        Assert.Contains(overdue.EnumerateArray(), e => e.GetProperty("registrationNumber").GetString() == late.Number);
        var history = await Steps.GetAsync(officer, $"/api/ppid/requests/{late.Number}/history");
        Assert.Equal(["request-registered", "request-became-overdue"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        // Past its due date, it can no longer be extended.
        Assert.Equal(HttpStatusCode.Conflict, (await Steps.PostAsync(officer, $"/api/ppid/requests/{late.Number}/extension", new { workingDays = 3, reason = "x" }, 2)).StatusCode);
    }

    [Fact]
    public async Task Anyone_can_check_the_deadline_arithmetic()
    {
        using var anyone = await Gateway.ClientAsync();

        var answer = await Steps.GetAsync(anyone, "/api/ppid/deadlines?unitId=kpu-33.21&receivedAt=2025-12-22T10:00:00%2B07:00");
        Assert.Equal("2026-01-08", answer.GetProperty("dueDate").GetString());
        Assert.Contains(answer.GetProperty("skippedDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2025-12-26" && d.GetProperty("reason").GetString() == "cuti-bersama");

        var dispute = await Steps.GetAsync(anyone, "/api/ppid/deadlines?unitId=bawaslu-51&rule=dispute-filing&receivedAt=2026-02-02T10:00:00%2B08:00");
        Assert.Equal(("2026-02-24", "WITA"), (dispute.GetProperty("dueDate").GetString(), dispute.GetProperty("timeZone").GetString()));

        var bad = await anyone.GetAsync("/api/ppid/deadlines?unitId=kpu-33.21&rule=forever");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rule", out _));
    }
}
