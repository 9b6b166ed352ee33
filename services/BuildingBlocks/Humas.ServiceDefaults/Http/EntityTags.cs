using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Humas.ServiceDefaults.Http;

/// <summary>
/// A resource's version as its ETag (<c>"3"</c>), and the one reading of If-Match every change uses
/// (RFC 9110 §13.1.1 and §13.1.1.2): a list of tags or <c>*</c> ("whatever version exists"),
/// compared strongly, so a weak tag (<c>W/"3"</c>) is understood but never matches: 412.
/// </summary>
public static class EntityTags
{
    public static string Of(long version) => $"\"{version}\"";

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = Of(version);

    /// <summary>
    /// The version If-Match names when it matches <paramref name="current"/>. Refuses with 428 when
    /// If-Match is missing, 400 when it is not an ETag of ours, and 412 when it names another version.
    /// </summary>
    public static long RequireMatch(HttpRequest request, long current)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header.ToString()))
            throw new Refusal(RefusalKind.PreconditionRequired, "resource.if-match-required");
        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count == 0)
            throw Refusal.Invalid("If-Match", "resource.if-match-invalid");
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any)) return current;
            if (!long.TryParse(tag.Tag.AsSpan().Trim('"'), out _))
                throw Refusal.Invalid("If-Match", "resource.if-match-invalid");
            if (!tag.IsWeak && tag.Tag == Of(current)) return current;
        }
        throw new Refusal(RefusalKind.Stale, "resource.changed", current);
    }
}
