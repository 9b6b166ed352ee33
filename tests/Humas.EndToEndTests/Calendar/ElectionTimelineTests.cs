using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using static Humas.EndToEndTests.Calendar.CalendarSteps;

namespace Humas.EndToEndTests.Calendar;

/// <summary>Election timelines through the gateway: public to read, added and corrected only by an administrator, corrections recorded.</summary>
public sealed class ElectionTimelineTests
{
    private const string Elections = "/api/calendar/elections";

    [Fact]
    public async Task Anyone_reads_the_shipped_timelines_with_their_sources()
    {
        using var anyone = await Gateway.ClientAsync();
        var elections = await Steps.GetAsync(anyone, Elections);
        var pemilu = elections.EnumerateArray().Single(e => e.GetProperty("electionId").GetString() == "pemilu-2024");
        Assert.Contains("Nomor 3 Tahun 2022", pemilu.GetProperty("source").GetString());
        var voting = pemilu.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stageId").GetString() == "voting");
        Assert.Equal("2024-02-14", voting.GetProperty("startDate").GetString());
        var pilkada = elections.EnumerateArray().Single(e => e.GetProperty("electionId").GetString() == "pilkada-2024");
        Assert.Contains("Nomor 2 Tahun 2024", pilkada.GetProperty("source").GetString());
        Assert.Equal(9, pilkada.GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public async Task An_administrator_adds_an_election_and_corrects_a_stage_and_the_correction_is_in_its_history()
    {
        var id = $"pemilu-2029-{Guid.NewGuid():N}"[..30];
        using var admin = await Gateway.ClientAsync(await AdminTokenAsync());
        using var officer = await Steps.AsAsync("humas-officer", "kpu-33");
        using var anyone = await Gateway.ClientAsync();
        var body = new
        {
            electionId = id, nameId = "Pemilihan Umum 2029", source = "PKPU tentang tahapan Pemilu 2029",
            stages = new[]
            {
                new { stageId = "campaign", nameId = "Masa kampanye", start = "2028-11-01", end = "2029-02-10" },
                new { stageId = "voting", nameId = "Pemungutan suara", start = "2029-02-14", end = "2029-02-14" },
            },
        };

        await ProblemAsync(await anyone.PostAsJsonAsync(Elections, body), HttpStatusCode.Unauthorized);
        await ProblemAsync(await officer.PostAsJsonAsync(Elections, body), HttpStatusCode.Forbidden);
        var created = await admin.PostAsJsonAsync(Elections, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Elections}/{id}", created.Headers.Location?.OriginalString);
        await ProblemAsync(await admin.PostAsJsonAsync(Elections, body), HttpStatusCode.Conflict);

        var correction = new { start = "2029-02-15", end = "2029-02-15", reason = "Digeser oleh keputusan baru", source = "Keputusan KPU" };
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{Elections}/{id}/stages/voting/dates", null, correction), (HttpStatusCode)428);
        await ProblemAsync(await SendAsync(officer, HttpMethod.Put, $"{Elections}/{id}/stages/voting/dates", "\"1\"", correction), HttpStatusCode.Forbidden);
        var corrected = await SendAsync(admin, HttpMethod.Put, $"{Elections}/{id}/stages/voting/dates", "\"1\"", correction);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("\"2\"", corrected.Headers.ETag?.Tag);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{Elections}/{id}/stages/voting/dates", "\"1\"", correction), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Post, $"{Elections}/{id}/stages", "\"2\"",
            new { stageId = "inauguration", nameId = "Pelantikan", start = "2029-10-20", end = "2029-10-20" })).StatusCode);

        var read = await anyone.GetAsync($"{Elections}/{id}");
        Assert.Equal("\"3\"", read.Headers.ETag?.Tag);
        var stages = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["campaign", "voting", "inauguration"], stages.Select(s => s.GetProperty("stageId").GetString()));
        Assert.Equal("2029-02-15", stages[1].GetProperty("start").GetString());

        var history = (await Steps.GetAsync(anyone, $"{Elections}/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(["election-added", "stage-dates-corrected", "stage-added"], history.Select(h => h.GetProperty("event").GetString()));
        var data = history[1].GetProperty("data");
        Assert.Equal(("2029-02-14", "2029-02-15", "Digeser oleh keputusan baru"),
            (data.GetProperty("previousStart").GetString(), data.GetProperty("start").GetString(), data.GetProperty("reason").GetString()));
        Assert.False(history[1].TryGetProperty("actor", out _)); // who changed it is for administrators
        Assert.Equal("calendar-admin", (await Steps.GetAsync(admin, $"{Elections}/{id}/history"))[1].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_bad_election_is_refused_naming_the_fields_and_nothing_is_written()
    {
        var id = $"bad-{Guid.NewGuid():N}"[..20];
        using var admin = await Gateway.ClientAsync(await AdminTokenAsync());
        var problem = await ProblemAsync(await admin.PostAsJsonAsync(Elections, new
        {
            electionId = id, nameId = "", source = "x",
            stages = new[] { new { stageId = "Voting Day", nameId = "Pemungutan", start = "2029-02-14", end = "2029-02-13" } },
        }), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("nameId", fields);
        Assert.Contains("stages[0].stageId", fields);
        Assert.Contains("stages[0].end", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Elections}/{id}")).StatusCode);
    }
}
