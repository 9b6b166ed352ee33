using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Calendar;

/// <summary>Calls the calendar tests share, each asserted to succeed, and an independent iCalendar parser.</summary>
public static class CalendarSteps
{
    public const string Publications = "/api/calendar/publications";

    public static object Item(string unitId, string title, string? plannedAt, string visibility = "public", string kind = "press-release", string? contentRef = null) => new
    {
        unitId, title, kind, channels = new[] { "website", "instagram" }, plannedAt, visibility, notes = "Catatan internal tim", contentRef,
    };

    public static async Task<(string Id, JsonElement Item)> PlanAsync(HttpClient officer, object body)
    {
        var response = await officer.PostAsJsonAsync(Publications, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (item.GetProperty("publicationId").GetString()!, item);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<string> AdminTokenAsync() => await Gateway.TokenAsync("calendar-admin", "admin", null);

    public static async Task<JsonElement> SweepAsync(DateTimeOffset? asOf = null)
    {
        using var admin = await Gateway.ClientAsync(await AdminTokenAsync());
        return await Steps.OkAsync(await admin.PostAsJsonAsync("/api/calendar/admin/sweep", new { asOf }));
    }

    private static readonly string[] Papua = ["91.03", "91.05", "91.06", "91.10", "91.11", "91.15", "91.71"];

    /// <summary>A regency of Papua (WIT), Sulawesi Selatan (WITA) or Jawa Tengah (WIB), picked at random so runs against one database do not share items.</summary>
    public static string RandomUnit(string province) => province switch
    {
        "91" => $"kpu-{Papua[Random.Shared.Next(Papua.Length)]}",
        "73" => $"kpu-73.{Random.Shared.Next(1, 19):D2}",
        _ => Requests.RandomRegencyUnit(),
    };

    /// <summary>A day of its own in 2027-2030, so that the counts of one run do not mix with another's.</summary>
    public static DateOnly RandomDay() => new DateOnly(2027, 1, 1).AddDays(Random.Shared.Next(0, 4 * 365));

    public sealed record ParsedEvent(string Uid, string Summary, string Start, string? End, string? Status, string? Description);

    /// <summary>
    /// Parses a feed with Python's icalendar package (Debian's python3-icalendar, which ./humas
    /// installs), an implementation independent of the Ical.Net that wrote it.
    /// </summary>
    public static async Task<IReadOnlyList<ParsedEvent>> ParseWithPythonAsync(string ics)
    {
        const string Script = """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            assert cal.name == 'VCALENDAR' and str(cal['VERSION']) == '2.0' and cal.get('PRODID')
            out = []
            for e in cal.walk('VEVENT'):
                start = e.decoded('DTSTART')
                end = e.decoded('DTEND') if e.get('DTEND') else None
                out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': start.isoformat(),
                            'end': end.isoformat() if end is not None else None,
                            'status': str(e['STATUS']) if e.get('STATUS') else None,
                            'description': str(e['DESCRIPTION']) if e.get('DESCRIPTION') else None})
            print(json.dumps(out))
            """;
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python)) Assert.Fail($"{Python} is missing: install it with `apt-get install -y python3-icalendar` (./humas test does).");
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(ics);
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (stderr.Contains("No module named 'icalendar'"))
            Assert.Fail("Python's icalendar package is missing: install it with `apt-get install -y python3-icalendar` (./humas test does).");
        Assert.True(process.ExitCode == 0, $"python3 icalendar could not parse the feed: {stderr}\n{ics}");
        return JsonSerializer.Deserialize<List<ParsedEvent>>(stdout, JsonSerializerOptions.Web)!;
    }
}
