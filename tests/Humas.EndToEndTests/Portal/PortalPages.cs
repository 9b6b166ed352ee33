using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Portal;

/// <summary>
/// A reader of the portal without JavaScript: an HTTP client with cookies that gets pages through
/// the gateway, parses them with an independent HTML parser and submits their forms as a browser
/// would (every field of the form, the antiforgery token included).
/// </summary>
public sealed class PortalPages : IDisposable
{
    private readonly HttpClient client;

    private PortalPages(HttpClient client) => this.client = client;

    public static async Task<PortalPages> OpenAsync()
    {
        using (await Gateway.ClientAsync()) { } // fails with how to start the system when it is not running
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 254)}");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        return new PortalPages(client);
    }

    public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, long TransferredBytes);

    public async Task<Page> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        return await ReadAsync(response, expected, path);
    }

    /// <summary>
    /// Submits the page's form: its fields as they are, with <paramref name="values"/> set (a list for checkboxes)
    /// and, in a multipart form, <paramref name="files"/> as its file fields.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, IReadOnlyDictionary<string, string[]> values, HttpStatusCode expected, string formSelector = "main form",
        IReadOnlyDictionary<string, (string FileName, byte[] Bytes)>? files = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{formSelector}'");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (name is null || values.ContainsKey(name)) continue;
            if (element is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked) continue;
            if (element is IHtmlInputElement { Type: "file" }) continue;
            var value = element switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value,
                _ => null,
            };
            if (value is not null) fields.Add(new(name, value));
        }
        foreach (var (name, list) in values)
            fields.AddRange(list.Select(v => new KeyValuePair<string, string>(name, v)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Response.RequestMessage!.RequestUri!.PathAndQuery : form.GetAttribute("action")!;
        var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
        var response = method == "post"
            ? await client.PostAsync(action, form.GetAttribute("enctype") == "multipart/form-data" ? Multipart(fields, files) : new FormUrlEncodedContent(fields))
            : await client.GetAsync($"{action.Split('?')[0]}?{string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))}");
        return await ReadAsync(response, expected, action);
    }

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> fields, IReadOnlyDictionary<string, (string FileName, byte[] Bytes)>? files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (name, (fileName, bytes)) in files ?? new Dictionary<string, (string, byte[])>())
            content.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new("application/octet-stream") } }, name, fileName);
        return content;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string path)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // What travelled: the compressed body as the server sent it.
        var transferred = response.Content.Headers.ContentLength ?? System.Text.Encoding.UTF8.GetByteCount(html);
        return new Page(response, new HtmlParser().ParseDocument(html), transferred);
    }

    /// <summary>The bytes one address costs on the wire, compressed as the server sends it to a browser that accepts br and gzip.</summary>
    public async Task<long> TransferredAsync(string path)
    {
        using var raw = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = Gateway.BaseAddress };
        raw.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await raw.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    public async Task<string> CacheControlAsync(string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return response.Headers.CacheControl?.ToString() ?? "";
    }

    public void Dispose() => client.Dispose();
}

public static class HtmlChecks
{
    /// <summary>Every field a reader fills in has a label: one naming it by id, or one around it.</summary>
    public static void EveryFieldIsLabelled(IDocument document)
    {
        var fields = document.QuerySelectorAll("input, select, textarea").Where(f => f.GetAttribute("type") is not ("hidden" or "submit")).ToList();
        var unlabelled = fields.Where(f =>
            !(f.Id is { Length: > 0 } id && document.QuerySelector($"label[for='{id}']") is not null) && f.Closest("label") is null)
            .Select(f => f.OuterHtml).ToList();
        Assert.Empty(unlabelled);
    }

    /// <summary>Headings start at h1 and never skip a level on the way down.</summary>
    public static void HeadingsAreInOrder(IDocument document)
    {
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.True(levels.Count > 0 && levels[0] == 1, $"the first heading is not h1: {string.Join(",", levels)}");
        for (var i = 1; i < levels.Count; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading h{levels[i]} follows h{levels[i - 1]}");
    }
}
