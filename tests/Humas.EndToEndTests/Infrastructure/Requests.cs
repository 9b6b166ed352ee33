using System.Net.Http.Json;
using System.Text.Json;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>Request bodies and calls the tests share.</summary>
public static class Requests
{
    public static object Valid(string unitId = "kpu-33.21", string nik = "3321015708900001") => new
    {
        unitId,
        requester = new { type = "individual", fullName = "Siti Aminah", nik, address = "Jl. Sultan Fatah 1, Demak", phone = "081234567890" },
        informationRequested = "Salinan berita acara rekapitulasi tingkat kecamatan",
        purpose = "Penelitian skripsi",
        obtainBy = new[] { "copy" },
        deliveryBy = "email",
    };

    public static async Task<int> RegisterCountAsync(string unitId)
    {
        var officer = await Gateway.TokenAsync("register-reader", "ppid-officer", unitId);
        using var client = await Gateway.ClientAsync(officer);
        var response = await client.GetAsync($"/api/ppid/requests?unitId={unitId}&limit=1000");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
    }

    /// <summary>The unit's deadlines in the Calendar, every page of them, as one answer.</summary>
    public static async Task<JsonElement> CalendarDeadlinesAsync(string unitId)
    {
        var officer = await Gateway.TokenAsync("calendar-reader", "humas-officer", unitId);
        using var client = await Gateway.ClientAsync(officer);
        var first = await Steps.GetAsync(client, $"/api/calendar/request-deadlines?unitId={unitId}&limit=1");
        var deadlines = await Pages.AllAsync(client, $"/api/calendar/request-deadlines?unitId={unitId}&limit=1000", page => page.GetProperty("deadlines"));
        return JsonSerializer.SerializeToElement(new { unitId, registeredCount = first.GetProperty("registeredCount").GetInt32(), deadlines });
    }

    /// <summary>A regency unit picked at random, so that repeated runs against one database do not share counts.</summary>
    public static string RandomRegencyUnit(string province = "33", int kabupatenCount = 29) => $"kpu-{province}.{Random.Shared.Next(1, kabupatenCount + 1):D2}";
}
