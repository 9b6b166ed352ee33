using System.Net;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>
/// A request routed to another unit of the same body takes everything with it: the Calendar's
/// deadline view shows it at the new unit only, and its objection is on the new unit's register,
/// decided by the new unit's atasan PPID.
/// </summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task A_routed_request_and_its_objection_move_to_the_new_unit_and_leave_the_old_one()
    {
        var from = Requests.RandomRegencyUnit("33");
        var to = from == "kpu-33.01" ? "kpu-33.02" : "kpu-33.01";
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(citizen, from);
        await Gateway.EventuallyAsync(async () => Listed(await Requests.CalendarDeadlinesAsync(from), request.Number), TimeSpan.FromSeconds(30),
            "the Calendar to show the request at its first unit");

        var filed = await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections",
            new { grounds = new[] { "request-not-answered" }, reasons = "Belum ada jawaban" }, 0, request.AccessCode));
        var objection = filed.GetProperty("objectionNumber").GetString()!;

        using var oldOfficer = await Steps.AsAsync("ppid-officer", from);
        var routed = await Steps.OkAsync(await Steps.PostAsync(oldOfficer, $"/api/ppid/requests/{request.Number}/routing",
            new { toUnitId = to, reason = "Dokumen disimpan di KPU kabupaten/kota tujuan" }, 1));
        Assert.Equal(to, routed.GetProperty("unitId").GetString());

        // The Calendar: at the new unit, no longer at the old one.
        await Gateway.EventuallyAsync(async () => Listed(await Requests.CalendarDeadlinesAsync(to), request.Number), TimeSpan.FromSeconds(30),
            "the Calendar to show the request at the unit it was routed to");
        Assert.False(Listed(await Requests.CalendarDeadlinesAsync(from), request.Number), "the old unit's calendar still shows the routed request");

        // The objection: on the new unit's register, not the old one's; the new unit's atasan PPID decides it.
        using var newOfficer = await Steps.AsAsync("ppid-officer", to);
        Assert.Contains((await Steps.GetAsync(newOfficer, $"/api/ppid/objections?unitId={to}")).EnumerateArray(),
            o => o.GetProperty("objectionNumber").GetString() == objection);
        Assert.DoesNotContain((await Steps.GetAsync(oldOfficer, $"/api/ppid/objections?unitId={from}")).EnumerateArray(),
            o => o.GetProperty("objectionNumber").GetString() == objection);
        Assert.Equal(to, (await Steps.GetAsync(newOfficer, $"/api/ppid/objections/{objection}")).GetProperty("unitId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await oldOfficer.GetAsync($"/api/ppid/objections/{objection}")).StatusCode);

        using var oldSuperior = await Steps.AsAsync("supervisor", from);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Steps.PostAsync(oldSuperior, $"/api/ppid/objections/{objection}/decision", new { decision = "accepted", reasons = "x" }, 1)).StatusCode);
        using var newSuperior = await Steps.AsAsync("supervisor", to);
        var decided = await Steps.OkAsync(await Steps.PostAsync(newSuperior, $"/api/ppid/objections/{objection}/decision",
            new { decision = "accepted", reasons = "Permohonan wajib dijawab oleh unit tujuan" }, 1));
        Assert.Equal("accepted", decided.GetProperty("decision").GetString());
    }

    private static bool Listed(JsonElement calendar, string number) =>
        calendar.GetProperty("deadlines").EnumerateArray().Any(d => d.GetProperty("registrationNumber").GetString() == number);
}
