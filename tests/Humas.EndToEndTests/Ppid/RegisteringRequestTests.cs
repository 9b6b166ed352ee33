using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

public sealed class RegisteringRequestTests
{
    [Fact]
    public async Task A_citizen_registers_a_request_follows_it_with_the_access_code_and_the_calendar_learns_its_due_date()
    {
        var unit = Requests.RandomRegencyUnit();
        using var citizen = await Gateway.ClientAsync();

        var response = await citizen.PostAsJsonAsync("/api/ppid/requests", Requests.Valid(unit));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = registered.GetProperty("registrationNumber").GetString()!;
        var accessCode = registered.GetProperty("accessCode").GetString()!;
        Assert.Matches($"^{unit.ToUpperInvariant().Replace(".", "\\.")}-\\d{{4}}-\\d{{5}}$", number);
        Assert.Equal($"/api/ppid/requests/{number}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var dueDate = DateOnly.Parse(registered.GetProperty("dueDate").GetString()!);
        var dayZero = DateOnly.Parse(registered.GetProperty("deadline").GetProperty("dayZero").GetString()!);
        Assert.InRange(dueDate.DayNumber - dayZero.DayNumber, 14, 40); // 10 working days: two weeks or more
        Assert.Contains("hari kerja ke-10", registered.GetProperty("deadline").GetProperty("explanation").GetProperty("id").GetString());

        using var follow = new HttpRequestMessage(HttpMethod.Get, $"/api/ppid/requests/{number}");
        follow.Headers.Add("X-Access-Code", accessCode);
        var status = await citizen.SendAsync(follow);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var view = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("registered", view.GetProperty("status").GetString());
        Assert.False(view.TryGetProperty("requester", out _)); // personal data is for the unit's officers only

        await Gateway.EventuallyAsync(async () =>
        {
            var calendar = await Requests.CalendarDeadlinesAsync(unit);
            return calendar.GetProperty("deadlines").EnumerateArray().Any(d =>
                d.GetProperty("registrationNumber").GetString() == number && d.GetProperty("dueDate").GetString() == dueDate.ToString("yyyy-MM-dd"));
        }, TimeSpan.FromSeconds(30), "the Calendar's deadline view to show the request");
    }

    [Fact]
    public async Task Submitting_twice_with_the_same_idempotency_key_registers_one_request()
    {
        var unit = Requests.RandomRegencyUnit();
        var before = await Requests.RegisterCountAsync(unit);
        using var citizen = await Gateway.ClientAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(citizen, Requests.Valid(unit), key);
        var second = await PostWithKeyAsync(citizen, Requests.Valid(unit), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var firstNumber = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString();
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(firstNumber, secondBody.GetProperty("registrationNumber").GetString());
        Assert.False(string.IsNullOrEmpty(secondBody.GetProperty("accessCode").GetString()));
        Assert.Equal(before + 1, await Requests.RegisterCountAsync(unit));

        var reused = await PostWithKeyAsync(citizen, Requests.Valid("kpu-33"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_officer_registers_a_walk_in_request_for_their_unit_and_sees_the_requesters_personal_data()
    {
        var officer = await Gateway.TokenAsync("officer-demak", "ppid-officer", "kpu-33.21");
        using var client = await Gateway.ClientAsync(officer);

        var response = await client.PostAsJsonAsync("/api/ppid/requests", Requests.Valid("kpu-33.21"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString();

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/ppid/requests/{number}?reveal=true");
        Assert.Equal("walk-in", view.GetProperty("channel").GetString());
        Assert.Equal("3321015708900001", view.GetProperty("requester").GetProperty("nik").GetString());
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ppid/requests") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
