using System.Net;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

public sealed class ObjectionTests
{
    [Fact]
    public async Task A_refused_requester_objects_the_superior_decides_and_the_dispute_is_recorded_with_its_deadlines()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RefusedAsync(citizen, officer, unit);

        var filedResponse = await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections",
            new { grounds = new[] { "refused-under-exemption" }, reasons = "Berita acara adalah informasi terbuka" }, 0, request.AccessCode);
        Assert.Equal(HttpStatusCode.Created, filedResponse.StatusCode);
        var filed = await Steps.OkAsync(filedResponse);
        var number = filed.GetProperty("objectionNumber").GetString()!;
        Assert.Matches(@"-KEB-\d{4}-\d{5}$", number);
        Assert.Equal(30, filed.GetProperty("decisionDeadline").GetProperty("workingDays").GetInt32());

        var second = await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections", new { grounds = new[] { "delivered-late" }, reasons = "x" }, 0, request.AccessCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var noGrounds = await Steps.PostAsync(citizen, $"/api/ppid/requests/{request.Number}/objections", new { reasons = "x" }, 0, request.AccessCode);
        Assert.Equal(HttpStatusCode.BadRequest, noGrounds.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(officer, $"/api/ppid/objections/{number}/decision", new { decision = "rejected", reasons = "x" }, 1)).StatusCode);
        using var otherSuperior = await Steps.AsAsync("supervisor", "kpu-35.01");
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(otherSuperior, $"/api/ppid/objections/{number}/decision", new { decision = "rejected", reasons = "x" }, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Steps.PostAsync(citizen, $"/api/ppid/objections/{number}/dispute", new { electionInformation = true }, 1, request.AccessCode)).StatusCode);

        using var superior = await Steps.AsAsync("supervisor", unit);
        var decided = await Steps.OkAsync(await Steps.PostAsync(superior, $"/api/ppid/objections/{number}/decision", new { decision = "rejected", reasons = "Pengecualian Pasal 17 huruf h sah" }, 1));
        Assert.Equal("rejected", decided.GetProperty("decision").GetString());
        Assert.True(decided.TryGetProperty("disputeFilingDueDate", out _));

        await Steps.OkAsync(await Steps.PostAsync(citizen, $"/api/ppid/objections/{number}/dispute", new { commissionReference = "KI-JATENG-2026-7", electionInformation = true }, 2, request.AccessCode));

        var view = await SendWithCodeAsync(citizen, $"/api/ppid/objections/{number}", request.AccessCode);
        Assert.Equal("decided", view.GetProperty("status").GetString());
        Assert.True(view.TryGetProperty("disputeFiledAt", out _));
        var register = await Steps.GetAsync(officer, $"/api/ppid/objections?unitId={unit}");
        Assert.Contains(register.EnumerateArray(), o => o.GetProperty("objectionNumber").GetString() == number && o.GetProperty("decision").GetString() == "rejected");
        var undecided = await Steps.GetAsync(officer, $"/api/ppid/objections?unitId={unit}&status=filed");
        Assert.DoesNotContain(undecided.EnumerateArray(), o => o.GetProperty("objectionNumber").GetString() == number);
        var csv = await (await officer.GetAsync($"/api/ppid/objections?unitId={unit}&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains($"{number},{request.Number},{unit},refused-under-exemption", csv);
    }

    private static async Task<System.Text.Json.JsonElement> SendWithCodeAsync(HttpClient client, string path, string accessCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Access-Code", accessCode);
        return await Steps.OkAsync(await client.SendAsync(request));
    }
}
