using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>
/// With two Ppid processes on one database, only one sweeps for overdue requests at a time; and a
/// request that cannot be read does not stop a sweep from marking the others.
/// </summary>
public sealed class OverdueSweepTests
{
    [Fact]
    public async Task A_second_replica_does_not_sweep_while_the_first_does_and_an_unreadable_request_does_not_stop_the_sweep()
    {
        var port = Ports.Free();
        var (code, output) = await Gateway.RunCtlAsync("replica", "start", "ppid", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, $"could not start a second ppid on port {port}: {output}");
        var unit = Requests.RandomRegencyUnit("34", kabupatenCount: 4);
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        // Received long ago, unanswered: each is overdue. Swept in this order: the broken one first, then the held one.
        var receivedAt = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var broken = await Steps.RegisterAsync(officer, unit, receivedAt);
        var held = await Steps.RegisterAsync(officer, unit, receivedAt);
        var rest = new[] { await Steps.RegisterAsync(officer, unit, receivedAt), await Steps.RegisterAsync(officer, unit, receivedAt) };
        await PpidStreams.CorruptAsync(broken.Number);
        var adminToken = await Gateway.TokenAsync("admin-sweeps", "admin", "kpu");
        using var admin = await Gateway.ClientAsync(adminToken);
        using var replica = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(40) };
        replica.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        try
        {
            Task<HttpResponseMessage> sweeping;
            await using (var hold = await PpidStreams.HoldAsync(held.Number))
            {
                sweeping = admin.PostAsync("/api/ppid/admin/overdue-sweep", null);
                await hold.WaitForWaiterAsync(TimeSpan.FromMinutes(1), "a sweep to get past the unreadable request and reach the held one");

                // A sweep is under way (and stuck on the held request): the other replica does not start one.
                var second = await replica.PostAsync("/api/ppid/admin/overdue-sweep", null);
                Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
                Assert.Equal("request.overdue-sweep.running", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            }

            var first = await sweeping;
            Assert.True(first.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
            foreach (var request in rest.Append(held))
                await Gateway.EventuallyAsync(async () => (await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}")).GetProperty("overdue").GetBoolean(),
                    TimeSpan.FromSeconds(30), $"{request.Number} to be marked overdue");

            // Now free, the second replica sweeps; the unreadable request is counted, not fatal.
            var later = await replica.PostAsync("/api/ppid/admin/overdue-sweep", null);
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
            Assert.True((await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("failed").GetInt32() >= 1);
        }
        finally
        {
            await PpidStreams.RepairAsync(broken.Number);
            await Gateway.RunCtlAsync("replica", "stop", "ppid", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
