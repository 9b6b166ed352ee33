using System.Net;
using System.Net.Http.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Identity;

public sealed class OfficerAdministrationTests
{
    private static Task<HttpClient> JawaTengahAdminAsync(string subject = "admin-jateng") =>
        Gateway.TokenAsync(subject, "admin", "kpu-33").ContinueWith(t => Gateway.ClientAsync(t.Result)).Unwrap();

    [Fact]
    public async Task A_Jawa_Tengah_administrator_creates_officers_in_Jawa_Tengah_only_never_in_Jawa_Barat_or_for_Bawaslu()
    {
        var subject = $"admin-jateng-{Guid.NewGuid():N}";
        using var admin = await JawaTengahAdminAsync(subject);

        var inOwnRegency = await admin.PostAsJsonAsync("/api/identity/officers", new { email = Portal.NewEmail("ppid"), role = "ppid-officer", unitId = "kpu-33.21" });
        Assert.True(inOwnRegency.StatusCode == HttpStatusCode.Created, $"{(int)inOwnRegency.StatusCode} {await inOwnRegency.Content.ReadAsStringAsync()}");
        var officer = await Portal.JsonAsync(inOwnRegency);
        Assert.Equal("kpu-33.21", officer.GetProperty("unitId").GetString());

        foreach (var (unit, what) in new[] { ("kpu-32", "Jawa Barat"), ("kpu-32.73", "a regency of Jawa Barat"), ("bawaslu-33", "Bawaslu Jawa Tengah"), ("kpu", "KPU RI") })
        {
            var email = Portal.NewEmail("refused");
            var refused = await admin.PostAsJsonAsync("/api/identity/officers", new { email, role = "ppid-officer", unitId = unit });
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)refused.StatusCode}");
            Assert.Equal("account.unit-not-managed", (await Problems.ReadAsync(refused)).GetProperty("code").GetString());
            // Nothing was created: the address is still free for an administrator who may use it.
            using var rightAdmin = await Gateway.ClientAsync(await Gateway.TokenAsync("admin-national", "admin", unit.StartsWith("bawaslu", StringComparison.Ordinal) ? "bawaslu" : "kpu"));
            Assert.Equal(HttpStatusCode.Created, (await rightAdmin.PostAsJsonAsync("/api/identity/officers", new { email, role = "ppid-officer", unitId = unit })).StatusCode);
        }

        // Moving the officer out of the administrator's reach is refused too; within it, it is recorded.
        var id = officer.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/identity/officers/{id}/assignment", new { role = "ppid-officer", unitId = "kpu-32" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/identity/officers/{id}/assignment", new { role = "supervisor", unitId = "kpu-33" })).StatusCode);

        var audit = await Portal.JsonAsync(await admin.GetAsync("/api/identity/audit?limit=500"));
        var entries = audit.GetProperty("entries").EnumerateArray().Where(e => Text(e, "actorId") == subject).ToList();
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "officer-created" && Text(e, "accountId") == id);
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "assignment-changed" && Text(e, "accountId") == id
            && Text(e, "previousRole") == "ppid-officer" && e.GetProperty("role").GetString() == "supervisor");
        // A Bawaslu administrator sees none of it.
        using var bawaslu = await Gateway.ClientAsync(await Gateway.TokenAsync("admin-bawaslu", "admin", "bawaslu"));
        var theirs = await Portal.JsonAsync(await bawaslu.GetAsync("/api/identity/audit?limit=500"));
        Assert.DoesNotContain(theirs.GetProperty("entries").EnumerateArray(), e => Text(e, "accountId") == id);
    }

    /// <summary>A property of an audit entry; absent when it has no value (JSON leaves nulls out).</summary>
    private static string? Text(System.Text.Json.JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? value.GetString() : null;

    [Fact]
    public async Task Bad_input_is_refused_with_problem_details_naming_the_fields_and_creates_nothing()
    {
        using var admin = await JawaTengahAdminAsync();
        var email = Portal.NewEmail("bad");
        var refused = await admin.PostAsJsonAsync("/api/identity/officers", new { email = "not an address", role = "emperor", unitId = "kpu-99" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await Problems.AssertFieldAsync(refused, "email", "account.email.invalid");
        await Problems.AssertFieldAsync(refused, "role", "field.unknown-value");
        await Problems.AssertFieldAsync(refused, "unitId", "field.unknown-unit");

        var malformed = await admin.PostAsync("/api/identity/officers", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        // A valid address refused for its role: the address stays free.
        var wrongRole = await admin.PostAsJsonAsync("/api/identity/officers", new { email, role = "citizen", unitId = "kpu-33" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/identity/officers", new { email, role = "ppid-officer", unitId = "kpu-33" })).StatusCode);

        using var citizen = await Gateway.ClientAsync(await Gateway.TokenAsync("citizen-1", "citizen", null));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync("/api/identity/officers", new { email = Portal.NewEmail("x"), role = "ppid-officer", unitId = "kpu-33" })).StatusCode);
        using var anonymous = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/audit")).StatusCode);
    }

    [Fact]
    public async Task Registration_with_a_short_password_shows_the_rule_and_creates_no_account()
    {
        var email = Portal.NewEmail("short");
        using var browser = await Browser.OpenAsync();
        var page = await Browser.ParseAsync(await browser.GetAsync("/account/register"));
        var refused = await browser.SubmitAsync(page, new Dictionary<string, string> { ["email"] = email, ["password"] = "short1!A", ["kind"] = "citizen" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("account.password.too-short", Assert.Single(Browser.ErrorCodes(await Browser.ParseAsync(refused))));

        // No account: the same address registers afterwards with a long password and no composition rules.
        await Portal.RegisterAsync(email, "only lower case letters and spaces");
    }
}
