using System.Text.Json;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Humas.ServiceDefaults.Problems;

/// <summary>Turns an exception of a lower layer (the event store, a client library) into one the mapping below knows.</summary>
public interface IExceptionTranslator
{
    Exception Translate(HttpContext context, Exception exception);
}

/// <summary>A dependency is down for a while: answered 503 with Retry-After; the code's text says whether anything may have changed.</summary>
public sealed class TemporarilyUnavailableException(string code, Exception inner) : Exception(code, inner)
{
    public string Code { get; } = code;
}

/// <summary>
/// Turns every exception that reaches the edge into RFC 9457 problem details: a
/// <see cref="Refusal"/> into its 4xx with its code and texts, a malformed body into a 400 that
/// says what was wrong, an outage into 503. Nothing else leaks its message.
/// </summary>
internal sealed partial class ProblemDetailsMapping(
    IProblemDetailsService problemDetails, IEnumerable<IExceptionTranslator> translators, TextCatalog texts, ILogger<ProblemDetailsMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        exception = translators.Aggregate(exception, (e, translator) => translator.Translate(context, e));
        var problem = Map(exception);
        if (problem.Status >= 500) LogUnhandled(logger, exception, exception.GetType().Name, context.Request.Path);
        if (exception is TemporarilyUnavailableException) context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private ProblemDetails Map(Exception exception) => exception switch
    {
        Refusal refusal => FromRefusal(refusal),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(413, "request.too-large"),
        BadHttpRequestException { InnerException: JsonException json } => Problem(400, "request.malformed-json", json.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, "request.bad", bad.Message),
        JsonException json => Problem(400, "request.malformed-json", json.Message),
        TemporarilyUnavailableException unavailable => Problem(503, unavailable.Code),
        _ => Problem(500, "server.error"),
    };

    private ProblemDetails FromRefusal(Refusal refusal)
    {
        if (refusal.Kind != RefusalKind.Invalid) return Problem(refusal.Status, refusal.Code, refusal.Arguments);
        var problem = new HttpValidationProblemDetails(refusal.Fields
            .GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => texts[f.Code, f.Arguments]).ToArray()))
        {
            Status = 400,
            Title = texts[ProblemTitles.For(400)],
            Detail = texts[refusal.Code, refusal.Arguments],
        };
        problem.Extensions["code"] = refusal.Code;
        problem.Extensions["fieldCodes"] = refusal.Fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Code).ToArray());
        return problem;
    }

    private ProblemDetails Problem(int status, string code, params object?[] arguments)
    {
        var problem = new ProblemDetails { Status = status, Title = texts[ProblemTitles.For(status)], Detail = texts[code, arguments] };
        problem.Extensions["code"] = code;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string exceptionType, PathString path);
}

/// <summary>The title of a problem is its status in words; the detail says what happened.</summary>
public static class ProblemTitles
{
    public static string For(int status) => $"problem.{status}";

    /// <summary>The code of a problem that no refusal named (an authorization policy's 401 or 403, an unknown route).</summary>
    public static string DefaultCode(int status) => status switch
    {
        400 => "request.bad",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "resource.not-found",
        405 => "request.method-not-allowed",
        413 => "request.too-large",
        415 => "request.unsupported-media-type",
        429 => "request.rate-limited",
        503 => "service.unavailable",
        _ => status >= 500 ? "server.error" : "request.refused",
    };
}
