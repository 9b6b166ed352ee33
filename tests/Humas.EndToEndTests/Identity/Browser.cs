using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Identity;

/// <summary>
/// A browser without script, through the gateway: keeps cookies, follows no redirect by itself
/// (the tests see each one), reads pages with an independent HTML parser (AngleSharp) and
/// submits their forms as a browser would, antiforgery field included.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient client;

    private Browser(HttpClient client, CookieContainer cookies) => (this.client, Cookies) = (client, cookies);

    /// <summary>The browser's cookies (keyed by host, not port: a replica on another port of 127.0.0.1 gets them too).</summary>
    public CookieContainer Cookies { get; }

    public static async Task<Browser> OpenAsync(string? language = null)
    {
        await Gateway.ClientAsync(); // fails with the command to start the system when it is not running
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = Gateway.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 254)}");
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new Browser(client, cookies);
    }

    public HttpClient Http => client;

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document;
    }

    /// <summary>Submits the page's (only) form with these values over the form's own fields.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, IReadOnlyDictionary<string, string> values) =>
        SubmitAsync(Assert.Single(page.Forms), values);

    /// <summary>Submits one form of a page with these values over the form's own fields (inputs, selects, text areas).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 }))
            fields.Add(KeyValuePair.Create(input.Name!, values.TryGetValue(input.Name!, out var value) ? value : input.Value));
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => s.Name is { Length: > 0 }))
            fields.Add(KeyValuePair.Create(select.Name!, values.TryGetValue(select.Name!, out var value) ? value : select.Value ?? ""));
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(a => a.Name is { Length: > 0 }))
            fields.Add(KeyValuePair.Create(area.Name!, values.TryGetValue(area.Name!, out var value) ? value : area.Value));
        Assert.All(values.Keys, key => Assert.Contains(fields, f => f.Key == key));
        var action = form.GetAttribute("action") ?? "";
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Follows redirects inside the gateway's site; returns the last answer (a page, or a redirect leaving the site).</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.Redirect; hops++)
        {
            var location = new Uri(Gateway.BaseAddress, response.Headers.Location!);
            if (location.Authority != Gateway.BaseAddress.Authority) return response;
            response = await client.GetAsync(location.PathAndQuery);
        }
        return response;
    }

    /// <summary>The stable codes of the errors a page shows (data-code).</summary>
    public static IReadOnlyList<string> ErrorCodes(IHtmlDocument page) =>
        page.QuerySelectorAll(".error[data-code]").Select(e => e.GetAttribute("data-code")!).ToList();

    public void Dispose() => client.Dispose();
}
