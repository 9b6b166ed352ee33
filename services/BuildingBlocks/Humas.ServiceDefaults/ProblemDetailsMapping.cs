using System.Text.Json;
using Humas.Eventing.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Humas.ServiceDefaults;

/// <summary>
/// Turns every exception that reaches the edge into RFC 9457 problem details: the caller's
/// mistakes into a 4xx that says what was wrong, the store's conflicts into 409/412, an
/// unreachable database into 503. Nothing else leaks its message.
/// </summary>
internal sealed partial class ProblemDetailsMapping(IProblemDetailsService problemDetails, ILogger<ProblemDetailsMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // Reads outside the store (read models, lookups) meet the same outages as appends.
        exception = PostgresErrors.Translate(exception);
        var problem = Map(context, exception);
        if (problem.Status >= 500) LogUnhandled(logger, exception, exception.GetType().Name, context.Request.Path);
        if (exception is StoreUnavailableException) context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Map(HttpContext context, Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(413, "Permintaan terlalu besar / Request body too large",
            "The request body exceeds the size this endpoint accepts."),
        BadHttpRequestException { InnerException: JsonException json } => Problem(400, "JSON tidak valid / Malformed JSON",
            $"The request body is not valid JSON: {json.Message}"),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Permintaan tidak valid / Bad request", bad.Message),
        JsonException json => Problem(400, "JSON tidak valid / Malformed JSON", $"The request body is not valid JSON: {json.Message}"),
        ConcurrencyException conflict => Problem(
            context.Request.Headers.IfMatch.Count > 0 ? 412 : 409,
            "Data telah berubah / The resource has changed",
            $"Someone changed it first (now at version {conflict.ActualVersion?.ToString() ?? "none"}). Reload and try again."),
        IdempotencyKeyReusedException reused => Problem(422, "Idempotency-Key sudah dipakai / Idempotency-Key reused", reused.Message),
        StoreUnavailableException => Problem(503, "Layanan sementara tidak tersedia / Temporarily unavailable",
            "The database cannot be reached right now. Nothing was changed; try again shortly."),
        _ => Problem(500, "Kesalahan server / Server error", "An unexpected error occurred. It has been logged."),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string exceptionType, PathString path);
}
