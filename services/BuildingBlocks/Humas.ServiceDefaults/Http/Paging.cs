using System.Buffers.Text;
using System.Text.Json;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Humas.ServiceDefaults.Http;

/// <summary>Where a page starts and how long it is: <see cref="After"/> is the key of the last item of the page before, or null for the first.</summary>
public sealed record PageRequest<TKey>(int Limit, TKey? After) where TKey : class
{
    /// <summary>What to ask the database for: one more than the page, to know whether another follows.</summary>
    public int FetchLimit => Limit + 1;
}

/// <summary>
/// The one way a list answers (README, "Lists"): at most <c>limit</c> items (default
/// <see cref="DefaultLimit"/>, at most <see cref="MaxLimit"/>) in a stable order, read in the
/// database by keyset from <c>cursor</c>. When more follow, the answer says so with
/// <c>Link: &lt;same path and query, with the next cursor&gt;; rel="next"</c> (RFC 8288); the
/// last page has none. The cursor is opaque to clients: the key of the last item sent.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly JsonSerializerOptions CursorJson = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads <c>limit</c> and <c>cursor</c>, adding to <paramref name="errors"/> a limit out of range or a cursor not made here.</summary>
    public static PageRequest<TKey> Read<TKey>(int? limit, string? cursor, Validation errors) where TKey : class
    {
        var size = limit ?? DefaultLimit;
        errors.FailWhen(size is < 1 or > MaxLimit, "limit", "field.out-of-range", "limit", 1, MaxLimit);
        TKey? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = Decode<TKey>(cursor);
            errors.FailWhen(after is null, "cursor", "field.invalid", "cursor");
        }
        return new PageRequest<TKey>(size, after);
    }

    /// <summary>
    /// The page out of <paramref name="rows"/> (read with <see cref="PageRequest{TKey}.FetchLimit"/>), and the
    /// Link to the next one on the response when there is more.
    /// </summary>
    public static IReadOnlyList<T> Answer<T, TKey>(HttpContext http, IReadOnlyList<T> rows, PageRequest<TKey> page, Func<T, TKey> keyOf) where TKey : class
    {
        if (rows.Count <= page.Limit) return rows;
        var items = rows.Take(page.Limit).ToList();
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", Encode(keyOf(items[^1]))));
        http.Response.Headers.Append("Link", $"<{http.Request.PathBase}{http.Request.Path}{QueryString.Create(query)}>; rel=\"next\"");
        return items;
    }

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, CursorJson));

    public static TKey? Decode<TKey>(string cursor) where TKey : class
    {
        try
        {
            return Base64Url.IsValid(cursor) ? JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), CursorJson) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
