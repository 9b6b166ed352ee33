using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>Steps officers and requesters take, each asserted to succeed, for tests about what comes after.</summary>
public static class Steps
{
    public sealed record Registered(string Number, string AccessCode, DateOnly DueDate);

    public static async Task<Registered> RegisterAsync(HttpClient client, string unit, DateTimeOffset? receivedAt = null)
    {
        var body = JsonSerializer.SerializeToElement(Requests.Valid(unit));
        var json = receivedAt is null ? body.GetRawText() : body.GetRawText().TrimEnd('}') + $",\"receivedAt\":\"{receivedAt.Value:O}\"}}";
        var response = await client.PostAsync("/api/ppid/requests", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var registered = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Registered(registered.GetProperty("registrationNumber").GetString()!, registered.GetProperty("accessCode").GetString()!,
            DateOnly.Parse(registered.GetProperty("dueDate").GetString()!));
    }

    /// <summary>Registers a request that the unit's PPID officer then refuses under exemption h (Pasal 17): one the requester may object to.</summary>
    public static async Task<Registered> RefusedAsync(HttpClient citizen, HttpClient officer, string unit)
    {
        var request = await RegisterAsync(citizen, unit);
        await OkAsync(await PostAsync(officer, $"/api/ppid/requests/{request.Number}/answer",
            new { outcome = "refused", summary = "Dikecualikan", exemption = "h", consequenceTest = "Memuat data pribadi pemilih", delivery = "email" }, 1));
        return request;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, long ifMatch, string? accessCode = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        if (accessCode is not null) request.Headers.Add("X-Access-Code", accessCode);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path) => await OkAsync(await client.GetAsync(path));

    public static async Task<HttpClient> AsAsync(string role, string unit) => await Gateway.ClientAsync(await Gateway.TokenAsync($"{role}-{unit}", role, unit));
}
