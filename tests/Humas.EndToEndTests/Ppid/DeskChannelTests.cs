using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>A request an officer enters names how it came: at the desk (walk-in, the default) or by letter (post); an online one names no other.</summary>
public sealed class DeskChannelTests
{
    private static StringContent WithChannel(string unit, string channel)
    {
        var body = JsonSerializer.SerializeToElement(Requests.Valid(unit)).GetRawText().TrimEnd('}') + $",\"channel\":\"{channel}\"}}";
        return new StringContent(body, System.Text.Encoding.UTF8, "application/json");
    }

    [Fact]
    public async Task An_officer_records_a_letter_as_post_and_neither_an_officer_may_name_online_nor_a_citizen_post()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var posted = await officer.PostAsync("/api/ppid/requests", WithChannel(unit, "post"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var number = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString();
        Assert.Equal("post", (await Steps.GetAsync(officer, $"/api/ppid/requests/{number}")).GetProperty("channel").GetString());

        var before = await Requests.RegisterCountAsync(unit);
        var online = await officer.PostAsync("/api/ppid/requests", WithChannel(unit, "online"));
        Assert.Equal(HttpStatusCode.BadRequest, online.StatusCode);
        Assert.True((await online.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channel", out _));

        using var citizen = await Gateway.ClientAsync();
        var byCitizen = await citizen.PostAsync("/api/ppid/requests", WithChannel(unit, "post"));
        Assert.Equal(HttpStatusCode.BadRequest, byCitizen.StatusCode);
        Assert.True((await byCitizen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(before, await Requests.RegisterCountAsync(unit));
    }
}
