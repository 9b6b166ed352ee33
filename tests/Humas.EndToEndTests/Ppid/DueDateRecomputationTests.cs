using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>
/// A holiday added (or removed) moves the due dates of every open request, in a background job
/// that keeps its place in the database: a Ppid killed halfway finishes the job after it starts
/// again, and a request that cannot be read does not keep the others from moving.
/// </summary>
public sealed class DueDateRecomputationTests
{
    [Fact]
    public async Task A_ppid_killed_while_recomputing_due_dates_finishes_them_all_after_it_starts_again()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var registered = new List<Steps.Registered>();
        for (var i = 0; i < 40; i++) registered.Add(await Steps.RegisterAsync(officer, unit));
        var holiday = registered[0].DueDate;
        using var admin = await Steps.AsAsync("admin", "kpu");

        try
        {
            HttpResponseMessage answer;
            // The recomputation reaches the first of these requests and waits on it: the others are still to do.
            await using (var hold = await PpidStreams.HoldAsync(registered[0].Number))
            {
                var adding = Holidays.AddAsync(admin, holiday);
                await hold.WaitForWaiterAsync(TimeSpan.FromMinutes(2), "the recomputation to reach the held request");
                var (killed, output) = await Gateway.RunCtlAsync("app", "kill", "ppid");
                Assert.True(killed == 0, $"could not kill ppid: {output}");
                answer = await adding;
            }
            var (started, startOutput) = await Gateway.RunCtlAsync("app", "start", "ppid");
            Assert.True(started == 0, $"could not start ppid again: {startOutput}");
            Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"the change is accepted before its recomputation runs; got {(int)answer.StatusCode}");

            var done = await Holidays.CompletedAsync(admin, answer.Headers.Location!, TimeSpan.FromMinutes(3));
            Assert.True(done.GetProperty("requestsChanged").GetInt32() >= registered.Count, done.ToString());
            using var anyone = await Gateway.ClientAsync();
            foreach (var request in registered)
            {
                var view = await Steps.GetAsync(officer, $"/api/ppid/requests/{request.Number}");
                var receivedAt = view.GetProperty("receivedAt").GetDateTimeOffset();
                var expected = (await Steps.GetAsync(anyone, $"/api/ppid/deadlines?unitId={unit}&receivedAt={Uri.EscapeDataString(receivedAt.ToString("O"))}"))
                    .GetProperty("dueDate").GetString();
                Assert.Equal(expected, view.GetProperty("dueDate").GetString());
                if (request.DueDate == holiday) Assert.NotEqual(holiday.ToString("yyyy-MM-dd"), expected);
            }
        }
        finally
        {
            // Whatever happened above, Ppid runs again and the holiday goes.
            await Gateway.RunCtlAsync("app", "start", "ppid");
            await Holidays.RemoveAsync(admin, holiday);
        }
    }

    [Fact]
    public async Task A_request_that_cannot_be_read_does_not_keep_the_others_from_moving_and_moves_once_repaired()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var broken = await Steps.RegisterAsync(officer, unit);
        var others = new[] { await Steps.RegisterAsync(officer, unit), await Steps.RegisterAsync(officer, unit) };
        var holiday = broken.DueDate;
        using var admin = await Steps.AsAsync("admin", "kpu");

        await PpidStreams.CorruptAsync(broken.Number);
        try
        {
            var change = await Holidays.AddAcceptedAsync(admin, holiday);
            var retrying = await Holidays.FollowAsync(admin, change, s => s.GetProperty("status").GetString() == "retrying", TimeSpan.FromMinutes(2),
                "the pass to finish with the broken request failed");
            Assert.True(retrying.GetProperty("failedStreams").GetInt32() >= 1, retrying.ToString());
            foreach (var other in others)
                Assert.NotEqual(other.DueDate.ToString("yyyy-MM-dd"), (await Steps.GetAsync(officer, $"/api/ppid/requests/{other.Number}")).GetProperty("dueDate").GetString());

            await PpidStreams.RepairAsync(broken.Number);
            var done = await Holidays.CompletedAsync(admin, change, TimeSpan.FromMinutes(2));
            Assert.Equal(0, done.GetProperty("failedStreams").GetInt32());
            var repaired = await Steps.GetAsync(officer, $"/api/ppid/requests/{broken.Number}");
            Assert.NotEqual(broken.DueDate.ToString("yyyy-MM-dd"), repaired.GetProperty("dueDate").GetString());
        }
        finally
        {
            await PpidStreams.RepairAsync(broken.Number);
            await Holidays.RemoveAsync(admin, holiday);
        }
    }

    [Fact]
    public async Task A_change_that_does_not_exist_is_404_and_its_progress_is_for_administrators()
    {
        using var admin = await Steps.AsAsync("admin", "kpu");
        var missing = await admin.GetAsync("/api/ppid/admin/non-working-days/changes/999999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("non-working-day.change-not-found", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var officer = await Steps.AsAsync("ppid-officer", "kpu-33");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/ppid/admin/non-working-days/changes/1")).StatusCode);
    }
}
