using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>Calendar changes as an administrator makes them: answered 202, followed until the open due dates are recomputed.</summary>
public static class Holidays
{
    public static Task<HttpResponseMessage> AddAsync(HttpClient admin, DateOnly date) =>
        admin.PostAsJsonAsync("/api/ppid/admin/non-working-days",
            new { date, kind = "national-holiday", nameId = "Libur nasional tambahan", nameEn = "Added national holiday", source = "Keppres (uji)" });

    /// <summary>Adds the holiday and returns the address of its recomputation.</summary>
    public static async Task<Uri> AddAcceptedAsync(HttpClient admin, DateOnly date)
    {
        var response = await AddAsync(admin, date);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location ?? throw new InvalidOperationException("A 202 without Location.");
    }

    /// <summary>
    /// Removes the holiday and waits until the due dates are counted without it again. Used in
    /// clean-ups: it waits out the gateway's 503 while Ppid comes back after a test stopped it.
    /// </summary>
    public static async Task RemoveAsync(HttpClient admin, DateOnly date)
    {
        HttpResponseMessage response = null!;
        await Gateway.EventuallyAsync(async () =>
        {
            response = await admin.DeleteAsync($"/api/ppid/admin/non-working-days/{date:yyyy-MM-dd}?reason=uji%20selesai");
            return (int)response.StatusCode < 500;
        }, TimeSpan.FromMinutes(1), $"Ppid to take the removal of {date:yyyy-MM-dd}");
        if (response.StatusCode == HttpStatusCode.NotFound) return; // never added: the test failed before
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode == HttpStatusCode.Accepted) await CompletedAsync(admin, response.Headers.Location!, TimeSpan.FromMinutes(2));
    }

    /// <summary>The recomputation's state (status, requestsChanged, failedStreams, …), once it satisfies the condition.</summary>
    public static async Task<JsonElement> FollowAsync(HttpClient admin, Uri change, Func<JsonElement, bool> until, TimeSpan timeout, string what)
    {
        JsonElement state = default;
        await Gateway.EventuallyAsync(async () =>
        {
            // Tolerates the gateway's 502/503 while Ppid restarts.
            var response = await admin.GetAsync(change);
            if (!response.IsSuccessStatusCode) return false;
            state = await response.Content.ReadFromJsonAsync<JsonElement>();
            return until(state);
        }, timeout, what);
        return state;
    }

    public static Task<JsonElement> CompletedAsync(HttpClient admin, Uri change, TimeSpan timeout) =>
        FollowAsync(admin, change, s => s.GetProperty("status").GetString() == "completed", timeout, $"the recomputation at {change} to complete");
}
