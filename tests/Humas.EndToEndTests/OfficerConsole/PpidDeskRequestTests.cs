using System.Globalization;
using System.Net;
using Humas.EndToEndTests.Identity;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.OfficerConsole;

/// <summary>
/// An officer records a request received by post (or at the desk) in the console: the channel and
/// the day and time received are kept, the due date counts from then, and the access code to
/// hand over is shown once. Refused input keeps everything typed with the problem by the field.
/// </summary>
public sealed class PpidDeskRequestTests
{
    [Fact]
    public async Task A_letter_received_days_ago_is_recorded_with_its_channel_and_date_and_bad_input_is_shown_by_the_field_with_the_typed_values_kept()
    {
        var unit = Requests.RandomRegencyUnit();
        var officer = await ConsoleSession.NewOfficerAsync(unit);
        using var browser = await Browser.OpenAsync();
        await ConsoleSession.SignInAsync(browser, officer.Email, officer.Password);
        var form = await ConsoleSession.PageAsync(browser, "/console/ppid/new");

        // Jakarta time (WIB) for Central Java; three days ago at ten in the morning.
        var received = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(-3);
        var day = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var typed = new Dictionary<string, string>
        {
            ["Form.UnitId"] = unit, ["Form.Channel"] = "post", ["Form.ReceivedDate"] = day, ["Form.ReceivedTime"] = "10:00",
            ["Form.Type"] = "individual", ["Form.FullName"] = "Budi Santoso", ["Form.Nik"] = "12345", ["Form.Address"] = "Jl. Pemuda 3, Semarang",
            ["Form.Phone"] = "081298765432", ["Form.InformationRequested"] = "Daftar pemilih tetap tingkat desa", ["Form.Purpose"] = "Pemantauan pemilu",
            ["Form.ObtainBy"] = "copy", ["Form.DeliveryBy"] = "post",
        };
        var before = await PostedCountAsync(unit);
        var refused = await browser.SubmitAsync(ConsoleSession.Form(form, "#desk-request"), typed);
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var refusedPage = await Browser.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector(".error[data-field='requester.nik']"));
        Assert.Equal("true", refusedPage.QuerySelector("#nik")!.GetAttribute("aria-invalid"));
        Assert.Equal("Budi Santoso", refusedPage.QuerySelector("#full-name")!.GetAttribute("value"));
        Assert.Equal("Daftar pemilih tetap tingkat desa", refusedPage.QuerySelector("#information")!.TextContent);
        Assert.Equal(day, refusedPage.QuerySelector("#received-date")!.GetAttribute("value"));
        Assert.NotNull(refusedPage.QuerySelector("input[name='Form.Channel'][value='post'][checked]"));
        Assert.Equal(before, await PostedCountAsync(unit));

        typed["Form.ReceivedDate"] = "2026-13-45";
        typed["Form.Nik"] = "3374011208850002";
        var badDate = await browser.SubmitAsync(ConsoleSession.Form(refusedPage, "#desk-request"), typed);
        Assert.Equal((HttpStatusCode)422, badDate.StatusCode);
        var badDatePage = await Browser.ParseAsync(badDate);
        Assert.NotNull(badDatePage.QuerySelector(".error[data-field='receivedAt']"));
        Assert.Equal("3374011208850002", badDatePage.QuerySelector("#nik")!.GetAttribute("value"));

        typed["Form.ReceivedDate"] = day;
        var recorded = await browser.SubmitAsync(ConsoleSession.Form(badDatePage, "#desk-request"), typed);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var done = await Browser.ParseAsync(recorded);
        var number = done.QuerySelector("#number")!.TextContent.Trim();
        Assert.False(string.IsNullOrWhiteSpace(done.QuerySelector("#access-code")!.TextContent));
        Assert.StartsWith($"{day} 10:00", done.QuerySelector("#received")!.TextContent.Trim(), StringComparison.Ordinal);

        using var clerk = await Steps.AsAsync("ppid-officer", unit);
        var stored = await Steps.GetAsync(clerk, $"/api/ppid/requests/{number}");
        Assert.Equal("post", stored.GetProperty("channel").GetString());
        Assert.Equal(new DateTimeOffset(received.Year, received.Month, received.Day, 10, 0, 0, TimeSpan.FromHours(7)), stored.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(before + 1, await PostedCountAsync(unit));
        var deadline = await Steps.GetAsync(clerk, $"/api/ppid/deadlines?unitId={unit}&rule=answer&receivedAt={Uri.EscapeDataString(stored.GetProperty("receivedAt").GetString()!)}");
        Assert.Equal(deadline.GetProperty("dueDate").GetString(), done.QuerySelector("#due")!.TextContent.Trim());

        // The inbox lists it under its channel.
        var posted = await ConsoleSession.PageAsync(browser, "/console/ppid?channel=post");
        Assert.Contains(number, posted.QuerySelector("#inbox")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<long> PostedCountAsync(string unit)
    {
        await using var connection = await Databases.OpenAsync("ppid");
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM ppid_requests WHERE unit_id = @unit AND channel = 'post'", connection);
        command.Parameters.AddWithValue("unit", unit);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
