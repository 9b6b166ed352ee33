using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Clarifications;

/// <summary>Importing published clarifications and matching claims against them, through the gateway.</summary>
public class ImportAndMatchingTests
{
    private const string Unit = "kpu-33.21";

    /// <summary>A village name no other test run uses, so that this test's claims match only themselves.</summary>
    private static string Village() => "desa" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private static object Row(string claim, string label = "hoaks", string unit = Unit) => new
    {
        unitId = unit, label, title = $"[HOAKS] {claim}", claim, explanation = "Faktanya tidak demikian.",
        publishedAt = "2026-03-02T03:00:00Z", sourceUrl = "https://kpu.example.go.id/klarifikasi/1",
    };

    private static async Task<HttpClient> HumasOfficerAsync(string unit = Unit) =>
        await Gateway.ClientAsync(await Gateway.TokenAsync($"humas-{unit}", "humas-officer", unit));

    [Fact]
    public async Task Imported_clarifications_get_numbers_in_order_and_are_matched_at_once()
    {
        var village = Village();
        using var officer = await HumasOfficerAsync();
        var response = await officer.PostAsJsonAsync("/api/clarifications/imports", new[]
        {
            Row($"Surat suara yang sudah dicoblos ditemukan di dalam karung di gudang {village} Kabupaten Klaten."),
            Row($"Seluruh TPS di {village} ditutup pukul 10 pagi karena banjir besar."),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var numbers = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(2, numbers.Count);
        Assert.All(numbers, n => Assert.Matches(@"^KPU-33\.21-KLR-2026-\d{5}$", n));
        Assert.Equal(int.Parse(numbers[0][^5..]) + 1, int.Parse(numbers[1][^5..]));

        using var anonymous = await Gateway.ClientAsync();
        var text = $"surat suara yg udah dicoblos ditemuin dlm karung di gudang {village} klaten!!! 😱";
        var matches = (await Steps.GetAsync(anonymous, "/api/clarifications/matches?text=" + Uri.EscapeDataString(text))).GetProperty("matches");
        var best = matches.EnumerateArray().First();
        Assert.Equal(numbers[0], best.GetProperty("number").GetString());
        Assert.Equal("confirmed", best.GetProperty("tier").GetString());
        Assert.Equal("hoaks", best.GetProperty("label").GetString());
        Assert.StartsWith("[HOAKS]", best.GetProperty("title").GetString());

        // Under 8 words: only ever suggested.
        var shortText = $"tps {village} ditutup krn banjir";
        var shortBest = (await Steps.GetAsync(anonymous, "/api/clarifications/matches?text=" + Uri.EscapeDataString(shortText))).GetProperty("matches").EnumerateArray().First();
        Assert.Equal(numbers[1], shortBest.GetProperty("number").GetString());
        Assert.Equal("suggested", shortBest.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task An_import_as_CSV_with_the_same_columns_is_accepted()
    {
        var village = Village();
        using var officer = await HumasOfficerAsync();
        var csv = "unitId,label,title,claim,explanation,publishedAt,sourceUrl\r\n" +
                  $"{Unit},[DISINFORMASI],\"[DISINFORMASI] Tinta, katanya haram\",\"Tinta pemilu di {village} mengandung babi sehingga haram dipakai.\",\"Faktanya, tinta halal.\",2026-01-05T02:00:00Z,\r\n";
        var response = await officer.PostAsync("/api/clarifications/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var number = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numbers").EnumerateArray()).GetString();

        using var anonymous = await Gateway.ClientAsync();
        var best = (await Steps.GetAsync(anonymous, "/api/clarifications/matches?text=" + Uri.EscapeDataString($"tinta pemilu {village} ngandung babi jd haram dipake"))).GetProperty("matches").EnumerateArray().First();
        Assert.Equal(number, best.GetProperty("number").GetString());
        Assert.Equal("disinformasi", best.GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_bad_row_refuses_the_whole_import_by_position_and_nothing_is_kept()
    {
        var village = Village();
        using var officer = await HumasOfficerAsync();
        var response = await officer.PostAsJsonAsync("/api/clarifications/imports", new[]
        {
            Row($"Pemilih di {village} yang tidak membawa KTP tidak boleh mencoblos di TPS."),
            Row($"Kotak suara di {village} mudah dibobol.", label: "SALAH-BESAR"),
            Row($"Debat di {village} dibatalkan.", unit: "kpu-99.99"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("rows[1].label", fields);
        Assert.Contains("rows[2].unitId", fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("rows[0]", StringComparison.Ordinal));

        await using var db = await Databases.OpenAsync("clarifications");
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM clarifications_published WHERE claim LIKE @v", db);
        count.Parameters.AddWithValue("v", $"%{village}%");
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        using var anonymous = await Gateway.ClientAsync();
        var matches = (await Steps.GetAsync(anonymous, "/api/clarifications/matches?text=" + Uri.EscapeDataString($"pemilih {village} gak bawa ktp gak boleh nyoblos"))).GetProperty("matches");
        Assert.DoesNotContain(matches.EnumerateArray(), m => m.GetProperty("title").GetString()!.Contains(village));
    }

    [Fact]
    public async Task Only_humas_officers_of_the_unit_or_above_import()
    {
        var rows = new[] { Row($"Klaim {Village()} untuk uji akses impor klarifikasi.") };
        using var anonymous = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/clarifications/imports", rows)).StatusCode);
        using var otherUnit = await HumasOfficerAsync("kpu-35.01");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherUnit.PostAsJsonAsync("/api/clarifications/imports", rows)).StatusCode);
        using var ppid = await Gateway.ClientAsync(await Gateway.TokenAsync("ppid-kpu-33.21", "ppid-officer", Unit));
        Assert.Equal(HttpStatusCode.Forbidden, (await ppid.PostAsJsonAsync("/api/clarifications/imports", rows)).StatusCode);
        using var province = await HumasOfficerAsync("kpu-33");
        Assert.Equal(HttpStatusCode.Created, (await province.PostAsJsonAsync("/api/clarifications/imports", rows)).StatusCode);
    }

    [Fact]
    public async Task Matching_without_a_text_is_refused_naming_the_field()
    {
        using var anonymous = await Gateway.ClientAsync();
        var response = await anonymous.GetAsync("/api/clarifications/matches");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _), problem.GetRawText());
    }
}
