using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Humas.EndToEndTests.Infrastructure;

/// <summary>Lists answer a page at a time; the next page is the <c>Link: &lt;…&gt;; rel="next"</c> of the answer (README, "Lists").</summary>
public static partial class Pages
{
    /// <summary>The address of the next page, or null on the last one.</summary>
    public static string? Next(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => NextLink().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            : null;

    /// <summary>Every page from <paramref name="path"/> on; <paramref name="items"/> picks a page's items from its JSON.</summary>
    public static async Task<List<JsonElement>> AllAsync(HttpClient client, string path, Func<JsonElement, JsonElement>? items = null, int maxPages = 1000)
    {
        var all = new List<JsonElement>();
        for (string? next = path; next is not null && maxPages-- > 0;)
        {
            var response = await client.GetAsync(next);
            var page = await Steps.OkAsync(response);
            all.AddRange((items?.Invoke(page) ?? page).EnumerateArray());
            next = Next(response);
        }
        return all;
    }

    [GeneratedRegex("""<([^>]+)>\s*;\s*rel="?next"?""")]
    private static partial Regex NextLink();
}
