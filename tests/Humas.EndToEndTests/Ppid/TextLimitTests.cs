using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>Every free-text field has a length limit of its own, well below the body-size cap: a longer value is a 400 naming the field, and changes nothing.</summary>
public sealed class TextLimitTests
{
    private const string Code = "field.too-long";

    private static string Long(int length) => new('x', length);

    [Fact]
    public async Task Every_free_text_field_of_a_registration_has_its_own_limit_and_nothing_is_registered()
    {
        var unit = Requests.RandomRegencyUnit();
        using var citizen = await Gateway.ClientAsync();
        var before = await Requests.RegisterCountAsync(unit);

        JsonObject Body(Action<JsonObject, JsonObject> change)
        {
            var body = JsonSerializer.SerializeToNode(Requests.Valid(unit))!.AsObject();
            change(body, body["requester"]!.AsObject());
            return body;
        }
        var cases = new (string Field, JsonObject Body)[]
        {
            ("informationRequested", Body((b, _) => b["informationRequested"] = Long(4001))),
            ("purpose", Body((b, _) => b["purpose"] = Long(2001))),
            ("requester.fullName", Body((_, r) => r["fullName"] = Long(201))),
            ("requester.address", Body((_, r) => r["address"] = Long(501))),
            ("requester.email", Body((_, r) => r["email"] = new string('a', 250) + "@kpu.go.id")),
            ("requester.phone", Body((_, r) => r["phone"] = "0812 3456 7890" + new string(' ', 40))),
            ("requester.legalEntityDecree", Body((_, r) => r["legalEntityDecree"] = Long(201))),
            ("requester.powerOfAttorney", Body((_, r) => r["powerOfAttorney"] = Long(501))),
            ("requester.nik", Body((_, r) =>
            {
                r["type"] = "legal-entity";
                r["legalEntityDecree"] = "AHU-0012345.AH.01.07.2020";
                r["nik"] = Long(17);
            })),
        };
        foreach (var (field, body) in cases)
            await Problems.AssertFieldAsync(await citizen.PostAsJsonAsync("/api/ppid/requests", body), field, Code);

        Assert.Equal(before, await Requests.RegisterCountAsync(unit));
    }

    [Fact]
    public async Task Every_free_text_field_of_a_step_on_a_request_has_its_own_limit_and_the_request_is_unchanged()
    {
        var unit = Requests.RandomRegencyUnit();
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        using var citizen = await Gateway.ClientAsync();
        var request = await Steps.RegisterAsync(officer, unit);
        string Path(string step) => $"/api/ppid/requests/{request.Number}/{step}";

        var officerSteps = new (string Step, object Body, string Field)[]
        {
            ("answer", new { outcome = "granted", summary = Long(4001), delivery = "email", format = "PDF" }, "summary"),
            ("answer", new { outcome = "granted", summary = "Diberikan", delivery = "email", format = Long(201) }, "format"),
            ("answer", new { outcome = "refused", summary = "Ditolak", exemption = "h", consequenceTest = Long(4001), delivery = "email" }, "consequenceTest"),
            ("answer", new
            {
                outcome = "granted-in-part", summary = "Sebagian", consequenceTest = "Uji", delivery = "email", format = "PDF",
                withheldParts = new[] { new { part = Long(1001), exemption = "h", reason = "Data pribadi" } },
            }, "withheldParts.part"),
            ("answer", new
            {
                outcome = "granted-in-part", summary = "Sebagian", consequenceTest = "Uji", delivery = "email", format = "PDF",
                withheldParts = new[] { new { part = "NIK", exemption = "h", reason = Long(2001) } },
            }, "withheldParts.reason"),
            ("clarification-request", new { question = Long(2001) }, "question"),
            ("routing", new { toUnitId = "kpu-33", reason = Long(2001) }, "reason"),
            ("referral", new { agency = Long(301), reason = "Bukan data KPU" }, "agency"),
            ("referral", new { agency = "BPS", reason = Long(2001) }, "reason"),
            ("extension", new { workingDays = 3, reason = Long(2001) }, "reason"),
        };
        foreach (var (step, body, field) in officerSteps)
            await Problems.AssertFieldAsync(await Steps.PostAsync(officer, Path(step), body, 1), field, Code);
        await Problems.AssertFieldAsync(await Steps.PostAsync(citizen, Path("withdrawal"), new { reason = Long(2001) }, 1, request.AccessCode), "reason", Code);
        await Problems.AssertFieldAsync(await Steps.PostAsync(citizen, Path("objections"),
            new { grounds = new[] { "request-not-answered" }, reasons = Long(4001) }, 0, request.AccessCode), "reasons", Code);

        var read = await officer.GetAsync($"/api/ppid/requests/{request.Number}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var view = await Problems.ReadAsync(read);
        Assert.Equal((unit, "registered"), (view.GetProperty("unitId").GetString(), view.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Objection_decisions_disputes_the_list_of_information_and_the_calendar_have_limits_too()
    {
        using var supervisor = await Steps.AsAsync("supervisor", "kpu-33.21");
        await Problems.AssertFieldAsync(await Steps.PostAsync(supervisor, "/api/ppid/objections/KPU-33.21-KEB-2026-99999/decision",
            new { decision = "rejected", reasons = Long(4001) }, 1), "reasons", Code);
        using var citizen = await Gateway.ClientAsync();
        await Problems.AssertFieldAsync(await Steps.PostAsync(citizen, "/api/ppid/objections/KPU-33.21-KEB-2026-99999/dispute",
            new { commissionReference = Long(101), electionInformation = false }, 1, "ABCDEFGHJK"), "commissionReference", Code);

        using var officer = await Steps.AsAsync("ppid-officer", "kpu-33.21");
        await Problems.AssertFieldAsync(await officer.PostAsJsonAsync("/api/ppid/information-list", new
        {
            unitId = "kpu-33.21", title = "Data pemilih", summary = "Salinan KTP", category = "dikecualikan", responsibleOfficial = "Subbagian Data",
            formats = new[] { "hardcopy" }, retentionPeriod = "5 tahun", year = 2025, exemptionClause = Long(11), consequenceTest = "Data pribadi",
        }), "exemptionClause", Code);

        using var admin = await Steps.AsAsync("admin", "kpu");
        await Problems.AssertFieldAsync(await admin.DeleteAsync($"/api/ppid/admin/non-working-days/2026-11-24?reason={Long(2001)}"), "reason", Code);
    }
}
