using System.Net;
using System.Text.RegularExpressions;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// The portal through the gateway, as a citizen without JavaScript uses it: pages parsed by an
/// independent HTML parser (AngleSharp), forms submitted as a browser submits them.
/// </summary>
public sealed class CitizenPortalTests
{
    private static Dictionary<string, string[]> RequestForm(string nik = "3321015708900001") => new()
    {
        ["Form.Type"] = ["individual"],
        ["Form.FullName"] = ["Sri Rahayu"],
        ["Form.Nik"] = [nik],
        ["Form.Address"] = ["Jl. Kenanga 3, Demak"],
        ["Form.Phone"] = ["081234567890"],
        ["Form.InformationRequested"] = ["Salinan daftar pemilih tetap tingkat kecamatan"],
        ["Form.Purpose"] = ["Penelitian"],
        ["Form.ObtainBy"] = ["read", "copy"],
        ["Form.DeliveryBy"] = ["email"],
        ["Form.Email"] = ["sri@example.org"],
    };

    [Fact]
    public async Task Many_citizens_reading_the_list_of_public_information_through_the_portal_are_each_counted_by_their_own_address()
    {
        // The list is one of the gateway's limited anonymous reads (120 a minute per address). The
        // portal asks for it on behalf of each reader, so 150 readers in a minute are all served;
        // counted as the portal's own address, the later ones would be refused.
        using (await Gateway.ClientAsync()) { }
        using var http = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var refused = new List<string>();
        for (var reader = 0; reader < 150; reader++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/kpu-33.22/ppid/dip");
            request.Headers.Add("X-Forwarded-For", $"198.18.{reader / 256}.{reader % 256}");
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) refused.Add($"reader {reader}: {(int)response.StatusCode}");
        }
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_citizen_files_a_request_keeps_its_number_and_code_and_follows_it_without_the_code_in_any_address()
    {
        var unit = Requests.RandomRegencyUnit();
        using var portal = await PortalPages.OpenAsync();
        var form = await portal.GetAsync($"/{unit}/ppid/permohonan");
        HtmlChecks.EveryFieldIsLabelled(form.Document);
        var before = await Requests.RegisterCountAsync(unit);

        var done = await portal.SubmitAsync(form, RequestForm(), HttpStatusCode.OK);

        var number = done.Document.QuerySelector("#nomor")?.TextContent.Trim();
        var code = done.Document.QuerySelector("#kode")?.TextContent.Trim();
        Assert.Matches($"^{Regex.Escape(unit.ToUpperInvariant())}-\\d{{4}}-\\d{{5}}$", number);
        Assert.False(string.IsNullOrWhiteSpace(code));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", done.Document.QuerySelector("#tenggat")?.TextContent.Trim());
        Assert.Contains("no-store", done.Response.Headers.CacheControl?.ToString());
        Assert.Equal(before + 1, await Requests.RegisterCountAsync(unit));

        // A second tap sends the same form again (its Idempotency-Key with it): the same request, not a new one.
        var again = await portal.SubmitAsync(form, RequestForm(), HttpStatusCode.OK);
        Assert.Equal(number, again.Document.QuerySelector("#nomor")?.TextContent.Trim());
        Assert.Equal(before + 1, await Requests.RegisterCountAsync(unit));

        var follow = await portal.GetAsync("/ppid/lacak");
        HtmlChecks.EveryFieldIsLabelled(follow.Document);
        var status = await portal.SubmitAsync(follow, new Dictionary<string, string[]> { ["Number"] = [number!], ["AccessCode"] = [code!] }, HttpStatusCode.OK);
        Assert.Contains(number!, status.Document.QuerySelector("#status")!.TextContent);
        Assert.Contains("Tercatat", status.Document.QuerySelector("#status")!.TextContent);
        Assert.DoesNotContain(code!, status.Response.RequestMessage!.RequestUri!.ToString());
        Assert.DoesNotContain(code!, done.Response.RequestMessage!.RequestUri!.ToString());

        var wrong = await portal.SubmitAsync(follow, new Dictionary<string, string[]> { ["Number"] = [number!], ["AccessCode"] = ["SALAH12345"] }, (HttpStatusCode)422);
        Assert.Null(wrong.Document.QuerySelector("#status"));
    }

    [Fact]
    public async Task A_refused_field_is_shown_next_to_it_in_the_readers_language_and_nothing_is_registered()
    {
        var unit = Requests.RandomRegencyUnit();
        using var portal = await PortalPages.OpenAsync();
        var before = await Requests.RegisterCountAsync(unit);

        var refused = await portal.SubmitAsync(await portal.GetAsync($"/{unit}/ppid/permohonan"), RequestForm(nik: "12345"), (HttpStatusCode)422);

        var nik = refused.Document.QuerySelector("#nik")!;
        Assert.Equal("true", nik.GetAttribute("aria-invalid"));
        Assert.Equal("NIK harus 16 angka.", nik.PreviousElementSibling?.TextContent.Trim());
        Assert.Equal("Sri Rahayu", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("#full-name")!).Value); // what was typed stays
        Assert.Equal(before, await Requests.RegisterCountAsync(unit));

        var english = await portal.SubmitAsync(await portal.GetAsync($"/{unit}/ppid/permohonan?lang=en"), RequestForm(nik: "12345"), (HttpStatusCode)422);
        Assert.Equal("NIK must be exactly 16 digits.", english.Document.QuerySelector("#nik")!.PreviousElementSibling?.TextContent.Trim());
        Assert.Equal(before, await Requests.RegisterCountAsync(unit));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=demak")]
    [InlineData("/kpu-33.21")]
    [InlineData("/kpu-33.21/ppid/permohonan")]
    [InlineData("/ppid/lacak")]
    [InlineData("/kpu-33.21/ppid/dip")]
    [InlineData("/kpu-33.21/ppid/tenggat?receivedAt=2026-12-23T10:00")]
    [InlineData("/pemilu")]
    [InlineData("/kpu-91.71/agenda")]
    [InlineData("/klarifikasi")]
    [InlineData("/kpu-33.21/klarifikasi")]
    [InlineData("/klarifikasi/cek?text=surat+suara+sudah+dicoblos")]
    [InlineData("/kpu-33.21/klarifikasi/lapor")]
    [InlineData("/klarifikasi/lacak")]
    [InlineData("/berita")]
    [InlineData("/kpu-33/berita")]
    [InlineData("/kpu-33.21/ppid/laporan")]
    public async Task Every_page_is_light_labelled_in_order_and_switches_language_in_place(string path)
    {
        using var portal = await PortalPages.OpenAsync();
        var page = await portal.GetAsync(path);

        Assert.Equal("id", page.Document.DocumentElement.GetAttribute("lang"));
        HtmlChecks.EveryFieldIsLabelled(page.Document);
        HtmlChecks.HeadingsAreInOrder(page.Document);
        var weight = await portal.TransferredAsync(path) + await Task.WhenAll(page.Document.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => portal.TransferredAsync(e.GetAttribute("href") ?? e.GetAttribute("src")!))).ContinueWith(t => t.Result.Sum());
        Assert.True(weight < 100 * 1024, $"{path} weighs {weight} bytes transferred");

        var switchLink = page.Document.QuerySelectorAll("header nav a").Single(a => a.GetAttribute("hreflang") == "en").GetAttribute("href")!;
        Assert.StartsWith(path.Split('?')[0] + "?", switchLink);
        var english = await portal.GetAsync(switchLink);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        // The choice is kept: the next page is in English too, and the way back leads to the same page.
        Assert.Equal("en", (await portal.GetAsync(path)).Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("id", (await portal.GetAsync(english.Document.QuerySelectorAll("header nav a").Single(a => a.GetAttribute("hreflang") == "id").GetAttribute("href")!))
            .Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_page_and_static_files_are_cached_for_long()
    {
        using var portal = await PortalPages.OpenAsync();
        var missing = await portal.GetAsync("/kpu-99.99", HttpStatusCode.NotFound);
        Assert.NotNull(missing.Document.QuerySelector("h1"));
        var css = (await portal.GetAsync("/")).Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", css);
        Assert.Contains("immutable", await portal.CacheControlAsync(css));
    }

    [Fact]
    public async Task A_units_agenda_gives_its_calendar_subscription_at_the_systems_public_address()
    {
        using var portal = await PortalPages.OpenAsync();
        var agenda = await portal.GetAsync("/kpu-33.21/agenda");
        var link = agenda.Document.QuerySelector("a[href$='calendar.ics']")!;
        var expected = new Uri(Gateway.BaseAddress, "/api/calendar/units/kpu-33.21/calendar.ics").ToString();
        Assert.Equal(expected, link.TextContent.Trim());
        Assert.Equal(expected, new Uri(Gateway.BaseAddress, link.GetAttribute("href")).ToString());
    }
}
