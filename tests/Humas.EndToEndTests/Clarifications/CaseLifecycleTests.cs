using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;
using Humas.TestSupport;

namespace Humas.EndToEndTests.Clarifications;

/// <summary>
/// A claim from a citizen's report to a published clarification, through the gateway: intake
/// with a sealed contact, the case, verification, four-eyes approval, publication, ClaimReview
/// and the feeds read by independent parsers, matching, the reporter following it, Calendar
/// recording it; then corrections, retraction, the sweep and statistics.
/// </summary>
public sealed class CaseLifecycleTests
{
    internal const string Unit = "kpu-33.21";
    private const string Phone = "+62 812 7777 4321";

    /// <summary>A village name no other test run uses, so that this test's claims match only themselves.</summary>
    internal static string Village() => "desa" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private static async Task<HttpClient> OfficerAsync(string name, string unit = Unit) =>
        await Gateway.ClientAsync(await Gateway.TokenAsync($"{name}-{Guid.NewGuid():N}", "humas-officer", unit));

    private static string Claim(string village) =>
        $"Surat suara pemilihan bupati yang sudah dicoblos untuk calon nomor dua ditemukan dalam karung di balai {village} sebelum hari pemungutan suara.";

    /// <summary>
    /// A report's claim: under 8 words, so matching only ever suggests (claims of earlier runs differ
    /// from it in the village alone) and the report opens a case.
    /// </summary>
    private static string Short(string village) => $"Surat suara {village} tercoblos dalam karung";

    private static object Report(string village, string? claim = null, object? reach = null) => new
    {
        unitId = Unit,
        claim = claim ?? Short(village),
        seenOn = "whatsapp",
        url = $"https://chat.example.org/{village}",
        archiveUrl = $"https://archive.example.org/{village}",
        firstSeenAt = DateTimeOffset.UtcNow.AddHours(-3),
        reach = reach ?? new { shares = 250, views = 12000 },
        contact = new { name = "Warga Pelapor", phone = Phone },
    };

    internal sealed record Published(string Number, Guid CaseId, long Version, string ReportNumber, string AccessCode, HttpClient Author, HttpClient Approver);

    private static async Task<JsonElement> FollowAsync(string number, string accessCode)
    {
        using var reporter = await Gateway.ClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/clarifications/reports/{number}");
        request.Headers.Add("X-Access-Code", accessCode);
        return await Steps.OkAsync(await reporter.SendAsync(request));
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, long ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        return await client.SendAsync(request);
    }

    private static object Draft(string village) => new
    {
        title = $"Surat suara tercoblos di balai {village}",
        claim = Claim(village),
        explanation = "Foto yang beredar adalah **surat suara latihan** bimbingan teknis.\n\n<script>alert('x')</script>",
        facts = "- Surat suara asli masih tersegel di gudang KPU.\n- Berita acara pengecekan tanggal 1 Maret.",
        conclusion = "Klaim tersebut tidak benar.",
        references = new[] { "https://kpu.example.go.id/berita-acara/1" },
    };

    /// <summary>
    /// Reports a claim anonymously and takes it through the case to a published clarification (with
    /// the legal review a claim the mass media quoted needs).
    /// </summary>
    internal static async Task<Published> PublishAsync(string village, object? reach = null, bool legalReview = false)
    {
        using var citizen = await Gateway.ClientAsync();
        var submitted = await citizen.PostAsJsonAsync("/api/clarifications/reports", Report(village, reach: reach));
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        Assert.Equal("no-store", submitted.Headers.CacheControl?.ToString());
        var received = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var reportNumber = received.GetProperty("number").GetString()!;
        var code = received.GetProperty("accessCode").GetString()!;
        Assert.Matches(@"^KPU-33\.21-LAP-\d{4}-\d{5}$", reportNumber);
        Assert.Equal("in-review", received.GetProperty("status").GetString());

        var author = await OfficerAsync("author");
        var approver = await OfficerAsync("approver");
        var cases = await Steps.GetAsync(author, $"/api/clarifications/cases?unitId={Unit}&status=open");
        var caseId = cases.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("claim").GetString()!.Contains(village)).GetProperty("caseId").GetGuid();
        var path = $"/api/clarifications/cases/{caseId}";
        await Steps.OkAsync(await Steps.PostAsync(author, $"{path}/verifier", new { verifier = "verifikator-1" }, 1));
        await Steps.OkAsync(await Steps.PostAsync(author, $"{path}/evidence", new { kind = "link", description = "Berita acara", url = "https://kpu.example.go.id/ba" }, 2));
        await Steps.OkAsync(await Steps.PostAsync(author, $"{path}/verdict", new { label = "[HOAKS]" }, 3));
        await Steps.OkAsync(await PutAsync(author, $"{path}/draft", Draft(village), 4));

        // Four eyes: the author's own approval is refused and changes nothing.
        var own = await Steps.PostAsync(author, $"{path}/approval", new { }, 5);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("clarification.approval.own-draft", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await Steps.OkAsync(await Steps.PostAsync(approver, $"{path}/approval", new { }, 5));
        if (legalReview) await Steps.OkAsync(await Steps.PostAsync(approver, $"{path}/legal-review", new { note = "Biro hukum: layak terbit." }, 6));
        var published = await Steps.OkAsync(await Steps.PostAsync(author, $"{path}/publication", new { }, legalReview ? 7 : 6));
        return new Published(published.GetProperty("number").GetString()!, caseId, published.GetProperty("version").GetInt64(), reportNumber, code, author, approver);
    }

    [Fact]
    public async Task A_report_becomes_a_published_clarification_that_parsers_read_matching_finds_and_the_reporter_and_calendar_see()
    {
        var village = Village();
        var p = await PublishAsync(village);
        Assert.Matches(@"^KPU-33\.21-KLR-\d{4}-\d{5}$", p.Number);

        // The draft's HTML was made safe; the reporter's contact is nowhere public.
        var view = await Steps.GetAsync(p.Author, $"/api/clarifications/cases/{p.CaseId}");
        Assert.Equal(p.Version, view.GetProperty("version").GetInt64()); // what If-Match names
        var html = view.GetProperty("draft").GetProperty("html").GetString()!;
        Assert.Contains("<strong>surat suara latihan</strong>", html);
        Assert.DoesNotContain("<script", html);
        using var anyone = await Gateway.ClientAsync();
        var clarification = await Steps.GetAsync(anyone, $"/api/clarifications/{p.Number}");
        Assert.Equal($"[HOAKS] Surat suara tercoblos di balai {village}", clarification.GetProperty("title").GetString());
        Assert.Equal("hoaks", clarification.GetProperty("label").GetString());
        Assert.DoesNotContain("<script", clarification.GetProperty("bodyHtml").GetString());
        Assert.DoesNotContain(Phone, clarification.GetRawText());

        // ClaimReview, read by a JSON-LD processor.
        var claimReviewResponse = await anyone.GetAsync($"/api/clarifications/{p.Number}/claimreview");
        Assert.Equal("application/ld+json", claimReviewResponse.Content.Headers.ContentType?.MediaType);
        var review = await CheckAsync("claimreview", await claimReviewResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(Claim(village), review.GetProperty("claimReviewed").GetString());
        Assert.Equal("[HOAKS]", review.GetProperty("alternateName").GetString());
        Assert.Equal(1, review.GetProperty("ratingValue").GetInt32());
        Assert.Equal(5, review.GetProperty("bestRating").GetInt32());
        Assert.EndsWith($"/api/clarifications/{p.Number}", review.GetProperty("url").GetString());
        Assert.Equal($"https://chat.example.org/{village}", review.GetProperty("firstAppearance").GetString());
        Assert.Equal("KPU Kabupaten Demak", review.GetProperty("author").GetString(), ignoreCase: true);

        // Every feed of the unit, its province and the nation, read by feedparser; 304 to its tag.
        foreach (var format in new[] { "rss", "atom", "json" })
            foreach (var scope in new[] { $"?unitId={Unit}", "?unitId=kpu-33", "" })
            {
                var response = await anyone.GetAsync($"/api/clarifications/feeds/{format}{scope}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.DoesNotContain(Phone, System.Text.Encoding.UTF8.GetString(body));
                var items = await CheckAsync(format, body);
                Assert.Contains(items.EnumerateArray(), i => i.GetProperty("title").GetString()!.Contains(village) && i.GetProperty("id").GetString()!.EndsWith(p.Number));
                var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/clarifications/feeds/{format}{scope}");
                conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
                Assert.Equal(HttpStatusCode.NotModified, (await anyone.SendAsync(conditional)).StatusCode);
            }
        var otherProvince = await CheckAsync("atom", await anyone.GetByteArrayAsync("/api/clarifications/feeds/atom?unitId=kpu-35"));
        Assert.DoesNotContain(otherProvince.EnumerateArray(), i => i.GetProperty("title").GetString()!.Contains(village));

        // Matching finds it; the reporter sees the answer; a second report of the claim is answered at once.
        var retold = $"surat suara pemilihan bupati yg udah dicoblos utk calon nomor dua ditemukan dlm karung di balai {village} sblm hari pemungutan suara!! 😱";
        var match = (await Steps.GetAsync(anyone, "/api/clarifications/matches?text=" + Uri.EscapeDataString(retold))).GetProperty("matches").EnumerateArray().First();
        Assert.Equal(p.Number, match.GetProperty("number").GetString());
        var followed = await FollowAsync(p.ReportNumber, p.AccessCode);
        Assert.Equal("answered", followed.GetProperty("status").GetString());
        Assert.Equal(p.Number, followed.GetProperty("clarification").GetProperty("number").GetString());
        Assert.False(followed.TryGetProperty("contact", out var hidden) && hidden.ValueKind != JsonValueKind.Null);

        using var again = await Gateway.ClientAsync();
        var second = await Steps.OkAsync(await again.PostAsJsonAsync("/api/clarifications/reports", Report(village, claim: retold)));
        Assert.Equal("answered", second.GetProperty("status").GetString());
        Assert.Equal("confirmed", second.GetProperty("match").GetProperty("tier").GetString());
        Assert.Equal(p.Number, second.GetProperty("clarification").GetProperty("number").GetString());

        // The officer of the unit sees the contact; the statistics count the resurfacing.
        var asOfficer = await Steps.GetAsync(p.Author, $"/api/clarifications/reports/{p.ReportNumber}");
        Assert.Equal(Phone, asOfficer.GetProperty("contact").GetProperty("phone").GetString());
        // The log holds the contact sealed only.
        await using (var db = await Databases.OpenAsync("clarifications"))
        {
            await using var clear = new Npgsql.NpgsqlCommand("SELECT count(*) FROM events WHERE data::text LIKE @phone OR data::text LIKE '%Warga Pelapor%'", db);
            clear.Parameters.AddWithValue("phone", $"%{Phone}%");
            Assert.Equal(0L, (long)(await clear.ExecuteScalarAsync())!);
        }
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var stats = await Steps.GetAsync(anyone, $"/api/clarifications/statistics?unitId={Unit}&from={today}&to={today}");
        Assert.True(stats.GetProperty("resurfacing").GetInt64() >= 1, stats.GetRawText());
        Assert.True(stats.GetProperty("published").GetInt64() >= 1, stats.GetRawText());
        Assert.Contains(stats.GetProperty("timeToClarification").EnumerateArray(),
            t => t.GetProperty("track").GetString() == "media-team" && t.GetProperty("label").GetString() == "hoaks");

        // Calendar learns of it through the broker and records an unplanned publication.
        var calendarOfficer = await OfficerAsync("calendar");
        await Gateway.EventuallyAsync(async () =>
        {
            var agenda = await Steps.GetAsync(calendarOfficer, $"/api/calendar/units/{Unit}/agenda?from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
            return agenda.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("title").GetString()!.Contains(village));
        }, TimeSpan.FromSeconds(30), "the calendar to record the clarification");
    }

    [Fact]
    public async Task Officers_of_another_unit_and_callers_without_the_code_are_kept_out()
    {
        var village = Village();
        using var citizen = await Gateway.ClientAsync();
        var received = await Steps.OkAsync(await citizen.PostAsJsonAsync("/api/clarifications/reports", Report(village)));
        var number = received.GetProperty("number").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync($"/api/clarifications/reports/{number}")).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/clarifications/reports/{number}");
        wrong.Headers.Add("X-Access-Code", "AAAAAAAAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.SendAsync(wrong)).StatusCode);
        var own = await FollowAsync(number, received.GetProperty("accessCode").GetString()!);
        Assert.Equal("in-review", own.GetProperty("status").GetString());

        var officer = await OfficerAsync("home");
        var caseId = (await Steps.GetAsync(officer, $"/api/clarifications/cases?unitId={Unit}")).GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("claim").GetString()!.Contains(village)).GetProperty("caseId").GetGuid();
        var stranger = await OfficerAsync("stranger", "kpu-35.01");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/clarifications/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(stranger, $"/api/clarifications/cases/{caseId}/verdict", new { label = "hoaks" }, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/clarifications/cases?unitId={Unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/clarifications/reports/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync($"/api/clarifications/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/clarifications/cases/{Guid.NewGuid()}")).StatusCode);

        // The province oversees its regencies.
        var province = await OfficerAsync("province", "kpu-33");
        await Steps.OkAsync(await Steps.PostAsync(province, $"/api/clarifications/cases/{caseId}/verdict", new { label = "hoaks" }, 1));
    }

    [Fact]
    public async Task A_bad_report_is_a_400_naming_each_field_and_nothing_is_written()
    {
        var village = Village();
        using var citizen = await Gateway.ClientAsync();
        var response = await citizen.PostAsJsonAsync("/api/clarifications/reports", new
        {
            unitId = "kpu-99.99", claim = $"Klaim {village}", seenOn = "telegram", url = "javascript:alert(1)",
            reach = new { shares = -5 }, contact = new { phone = "12", email = "bukan surel" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in new[] { "unitId", "seenOn", "url", "reach.shares", "contact.phone", "contact.email" }) Assert.Contains(field, fields);

        var officer = await OfficerAsync("bad-input");
        var caseId = await OpenCaseAsync(officer, village);
        var path = $"/api/clarifications/cases/{caseId}";
        var badVerdict = await Steps.PostAsync(officer, $"{path}/verdict", new { label = "SALAH-BESAR" }, 1);
        await Problems.AssertFieldAsync(badVerdict, "label", "clarification.label.unknown");
        var badEvidence = await Steps.PostAsync(officer, $"{path}/evidence", new { kind = "rumour", description = "x" }, 1);
        await Problems.AssertFieldAsync(badEvidence, "kind", "field.unknown-value");
        var current = await officer.GetAsync(path);
        Assert.Equal("\"1\"", current.Headers.ETag!.Tag);

        await using var db = await Databases.OpenAsync("clarifications");
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM clarification_reports r JOIN clarification_cases c USING (case_id) WHERE c.claim LIKE @v", db);
        count.Parameters.AddWithValue("v", $"Klaim {village}%");
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task<Guid> OpenCaseAsync(HttpClient officer, string village)
    {
        var received = await Steps.OkAsync(await officer.PostAsJsonAsync("/api/clarifications/reports", Report(village)));
        Assert.Equal("in-review", received.GetProperty("status").GetString());
        return (await Steps.GetAsync(officer, $"/api/clarifications/cases?unitId={Unit}")).GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("claim").GetString()!.Contains(village)).GetProperty("caseId").GetGuid();
    }

    [Fact]
    public async Task A_case_quoted_by_mass_media_needs_legal_review_and_past_its_target_is_escalated_to_the_province()
    {
        var village = Village();
        var officer = await OfficerAsync("track");
        await Steps.OkAsync(await officer.PostAsJsonAsync("/api/clarifications/reports",
            Report(village, reach: new { shares = 10, views = 500, quotedByOutlets = new[] { "Harian Contoh" } })));
        var caseId = (await Steps.GetAsync(officer, $"/api/clarifications/cases?unitId={Unit}")).GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("claim").GetString()!.Contains(village)).GetProperty("caseId").GetGuid();
        var path = $"/api/clarifications/cases/{caseId}";
        var view = await Steps.GetAsync(officer, path);
        Assert.Equal("official-statement", view.GetProperty("track").GetString());
        var due = view.GetProperty("dueAt").GetDateTimeOffset();

        using var admin = await Gateway.ClientAsync(await Gateway.TokenAsync("admin-sweep", "admin", null));
        await Steps.OkAsync(await admin.PostAsJsonAsync("/api/clarifications/admin/sweep", new { asOf = due.AddMinutes(1) }));
        view = await Steps.GetAsync(officer, path);
        Assert.True(view.GetProperty("flagged").GetBoolean());
        Assert.Equal("kpu-33", view.GetProperty("escalatedTo").GetString());
        var province = await OfficerAsync("province", "kpu-33");
        var escalated = await Steps.GetAsync(province, "/api/clarifications/cases?unitId=kpu-33");
        Assert.Contains(escalated.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == caseId && c.GetProperty("flagged").GetBoolean());

        // A second report of the claim opened its own case; grouping it closes that case as merged.
        var second = await Steps.OkAsync(await officer.PostAsJsonAsync("/api/clarifications/reports", Report(village, claim: $"Karung surat suara di {village}")));
        var secondNumber = second.GetProperty("number").GetString()!;
        var secondCase = (await Steps.GetAsync(officer, $"/api/clarifications/cases?unitId={Unit}&status=open")).GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("claim").GetString()!.StartsWith($"Karung surat suara di {village}")).GetProperty("caseId").GetGuid();
        var merged = await Steps.OkAsync(await Steps.PostAsync(officer, $"{path}/reports", new { reportNumber = secondNumber },
            long.Parse((await officer.GetAsync(path)).Headers.ETag!.Tag.Trim('"'))));
        Assert.Equal("open", merged.GetProperty("status").GetString());
        Assert.Equal("merged", (await Steps.GetAsync(officer, $"/api/clarifications/cases/{secondCase}")).GetProperty("status").GetString());
        Assert.Equal(2, (await Steps.GetAsync(officer, path)).GetProperty("reports").GetArrayLength());

        var approver = await OfficerAsync("approver");
        var etag = long.Parse((await officer.GetAsync(path)).Headers.ETag!.Tag.Trim('"'));
        await Steps.OkAsync(await Steps.PostAsync(officer, $"{path}/verdict", new { label = "disinformasi" }, etag));
        await Steps.OkAsync(await PutAsync(officer, $"{path}/draft", Draft(village), etag + 1));
        await Steps.OkAsync(await Steps.PostAsync(approver, $"{path}/approval", new { }, etag + 2));
        var refused = await Steps.PostAsync(officer, $"{path}/publication", new { }, etag + 3);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("clarification.publish.legal-review-required", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await Steps.OkAsync(await Steps.PostAsync(approver, $"{path}/legal-review", new { note = "Biro hukum: layak terbit." }, etag + 3));
        await Steps.OkAsync(await Steps.PostAsync(officer, $"{path}/publication", new { }, etag + 4));

        using var anyone = await Gateway.ClientAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var stats = await Steps.GetAsync(anyone, $"/api/clarifications/statistics?unitId=kpu-33&from={today}&to={today}");
        Assert.True(stats.GetProperty("casesPastTarget").GetInt64() >= 1, stats.GetRawText());
        Assert.Contains(stats.GetProperty("timeToClarification").EnumerateArray(), t => t.GetProperty("track").GetString() == "official-statement");
    }

    [Fact]
    public async Task A_correction_is_a_new_version_with_its_note_shown_in_feeds_and_claimreview_and_published_again_and_so_is_a_retraction()
    {
        var village = Village();
        var p = await PublishAsync(village);
        var path = $"/api/clarifications/cases/{p.CaseId}";
        var correction = JsonSerializer.SerializeToNode(Draft(village))!.AsObject();
        correction["note"] = "Tanggal berita acara diperbaiki.";
        correction["conclusion"] = "Klaim tersebut hoaks.";
        correction["title"] = $"Surat suara tercoblos di balai {village} (dikoreksi)";
        correction["claim"] = Claim(village).Replace("calon nomor dua", "calon nomor tiga");
        await Steps.OkAsync(await Steps.PostAsync(p.Author, $"{path}/correction", correction, p.Version));
        using var anyone = await Gateway.ClientAsync();
        var corrected = await Steps.GetAsync(anyone, $"/api/clarifications/{p.Number}");
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        Assert.Equal("Tanggal berita acara diperbaiki.", corrected.GetProperty("corrections")[0].GetProperty("note").GetString());
        Assert.Contains("Klaim tersebut hoaks.", corrected.GetProperty("bodyMarkdown").GetString());

        // The feeds and ClaimReview show the corrected version, read by the independent parsers.
        var review = await CheckAsync("claimreview", await anyone.GetByteArrayAsync($"/api/clarifications/{p.Number}/claimreview"));
        Assert.Equal(correction["claim"]!.GetValue<string>(), review.GetProperty("claimReviewed").GetString());
        foreach (var format in new[] { "rss", "atom", "json" })
        {
            var feedItems = await CheckAsync(format, await anyone.GetByteArrayAsync($"/api/clarifications/feeds/{format}?unitId={Unit}"));
            var item = feedItems.EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith(p.Number));
            Assert.EndsWith("(dikoreksi)", item.GetProperty("title").GetString());
        }

        // The correction is published again as version 2 of ClarificationPublished, and Calendar's consumer takes it in.
        Guid republished;
        await using (var db = await Databases.OpenAsync("clarifications"))
        {
            await using var outbox = new Npgsql.NpgsqlCommand("""
                SELECT message_id FROM outbox
                WHERE message_type LIKE '%ClarificationPublished%' AND body->>'number' = @number AND (body->>'version')::int = 2
                  AND body->>'correctionNote' = 'Tanggal berita acara diperbaiki.' AND body->>'title' LIKE '%(dikoreksi)'
                """, db);
            outbox.Parameters.AddWithValue("number", p.Number);
            republished = (Guid)(await outbox.ExecuteScalarAsync() ?? Guid.Empty);
        }
        Assert.NotEqual(Guid.Empty, republished);
        await Gateway.EventuallyAsync(async () =>
        {
            await using var calendar = await Databases.OpenAsync("calendar");
            await using var inbox = new Npgsql.NpgsqlCommand("SELECT count(*) FROM inbox WHERE consumer = 'calendar.clarification-published' AND message_id = @id", calendar);
            inbox.Parameters.AddWithValue("id", republished);
            return (long)(await inbox.ExecuteScalarAsync())! == 1;
        }, TimeSpan.FromSeconds(30), "the calendar to take in the corrected version");

        var before = await anyone.GetAsync($"/api/clarifications/feeds/atom?unitId={Unit}");
        await Steps.OkAsync(await Steps.PostAsync(p.Approver, $"{path}/retraction", new { reason = "Diterbitkan untuk unit yang keliru." }, p.Version + 1));
        var retracted = await Steps.GetAsync(anyone, $"/api/clarifications/{p.Number}");
        Assert.True(retracted.GetProperty("retracted").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/clarifications/{p.Number}/claimreview")).StatusCode);
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/clarifications/feeds/atom?unitId={Unit}");
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await anyone.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var items = await CheckAsync("atom", await after.Content.ReadAsByteArrayAsync());
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("title").GetString()!.StartsWith("[DICABUT]") && i.GetProperty("id").GetString()!.EndsWith(p.Number));
        await using (var db = await Databases.OpenAsync("clarifications"))
        {
            await using var outbox = new Npgsql.NpgsqlCommand("""
                SELECT count(*) FROM outbox WHERE message_type LIKE '%ClarificationPublished%' AND body->>'number' = @number AND (body->>'retracted')::boolean
                  AND body->>'retractionReason' = 'Diterbitkan untuk unit yang keliru.'
                """, db);
            outbox.Parameters.AddWithValue("number", p.Number);
            Assert.Equal(1L, (long)(await outbox.ExecuteScalarAsync())!);
        }
        await Gateway.EventuallyAsync(async () =>
        {
            var matches = await Steps.GetAsync(anyone, "/api/clarifications/matches?text=" + Uri.EscapeDataString(Claim(village)));
            return !matches.GetProperty("matches").EnumerateArray().Any(m => m.GetProperty("number").GetString() == p.Number);
        }, TimeSpan.FromSeconds(10), "matching to forget the retracted clarification");
    }

    [Fact]
    public async Task Screenshots_are_images_by_content_within_the_size_limit_stored_with_their_checksum_and_nothing_else_is_kept()
    {
        var village = Village();
        using var citizen = await Gateway.ClientAsync();
        var received = await Steps.OkAsync(await citizen.PostAsJsonAsync("/api/clarifications/reports", Report(village)));
        var number = received.GetProperty("number").GetString()!;
        var code = received.GetProperty("accessCode").GetString()!;
        var path = $"/api/clarifications/reports/{number}/screenshots";

        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string contentType, string? accessCode)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            if (accessCode is not null) request.Headers.Add("X-Access-Code", accessCode);
            return await citizen.SendAsync(request);
        }

        // A 1×1 PNG.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(png, "image/png", null)).StatusCode);
        var attached = await Steps.OkAsync(await UploadAsync(png, "application/octet-stream", code));
        Assert.Equal("image/png", attached.GetProperty("mediaType").GetString());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        Assert.Equal(sha, attached.GetProperty("sha256").GetString());

        var fetch = new HttpRequestMessage(HttpMethod.Get, attached.GetProperty("url").GetString());
        fetch.Headers.Add("X-Access-Code", code);
        var fetched = await citizen.SendAsync(fetch);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Equal(sha, fetched.Headers.GetValues("Digest-SHA256").Single());

        // A script declared as an image, and an image over the limit: refused naming the field, nothing stored.
        var script = System.Text.Encoding.UTF8.GetBytes("<script>alert(1)</script>");
        await Problems.AssertFieldAsync(await UploadAsync(script, "image/png", code), "screenshot", "clarification.screenshot.not-an-image");
        var oversize = new byte[2 * 1024 * 1024 + 10];
        png.CopyTo(oversize, 0);
        var tooLarge = await UploadAsync(oversize, "image/png", code);
        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)tooLarge.StatusCode}");

        await using var db = await Databases.OpenAsync("clarifications");
        await using var count = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM clarification_screenshots s JOIN clarification_reports r USING (report_id) WHERE r.number = @n", db);
        count.Parameters.AddWithValue("n", number);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>Runs check_clarification.py (feedparser for RSS and Atom, a JSON Feed 1.1 check, pyld) on the body; fails with its message when the body does not pass.</summary>
    internal static async Task<JsonElement> CheckAsync(string kind, byte[] body)
    {
        var script = Path.Combine(HumasControl.RepositoryRoot(), "tests", "Humas.EndToEndTests", "Clarifications", "check_clarification.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(kind);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start (./humas test installs python3-feedparser and python3-pyld)");
        await process.StandardInput.BaseStream.WriteAsync(body);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{kind} rejected by the independent parser: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
