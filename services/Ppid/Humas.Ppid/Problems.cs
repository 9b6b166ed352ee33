namespace Humas.Ppid;

/// <summary>The problem-details answers the Ppid endpoints share, Indonesian first.</summary>
public static class Problems
{
    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: 404, title: "Tidak ditemukan / Not found", detail: $"Nothing is registered as '{what}'.");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: 403, title: "Tidak berwenang / Forbidden", detail: detail);

    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: 401, title: "Perlu identitas / Authentication required", detail: detail);

    public static IResult Stale(long current) =>
        TypedResults.Problem(statusCode: 412, title: "Data telah berubah / The resource has changed",
            detail: $"It is now at version {current}. Reload it and try again with If-Match: \"{current}\".");

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Permintaan tidak valid / Invalid request");

    /// <summary>A change to an existing resource must say which version it was made against.</summary>
    public static bool TryReadIfMatch(HttpContext http, out long version, out IResult? problem)
    {
        version = 0;
        problem = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            problem = TypedResults.Problem(statusCode: 428, title: "If-Match diperlukan / If-Match required",
                detail: "Send the ETag you read (for example If-Match: \"3\") so that a change made meanwhile is not overwritten.");
            return false;
        }
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (!long.TryParse(header.Trim('"'), out version))
        {
            problem = Invalid("If-Match", "If-Match must be the ETag of the resource, e.g. \"3\".");
            return false;
        }
        return true;
    }
}
