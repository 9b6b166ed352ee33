using Humas.Portal.Api;
using Humas.Portal.SignIn;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console;

/// <summary>
/// A page of the officer console: only a signed-in officer sees it (anyone else is sent to the
/// sign-in), and no answer is stored by a cache. A change the service refuses is shown on the page
/// again: the problem next to the fields of the form that was sent, a clear message when someone
/// else changed the record first, and the status 422 (503 when the service could not be reached).
/// </summary>
[Authorize(Policy = ConsoleSignIn.OfficerPolicy)]
public abstract class ConsolePageModel : PageModel
{
    public string OfficerRole => User.Role() ?? "";

    public string? OfficerUnit => User.Unit();

    /// <summary>
    /// The date at NOW where a unit keeps its office (WIB, WITA or WIT): what "today" and "overdue"
    /// mean to its officers, which UTC's date is not for the first seven to nine hours of their day.
    /// </summary>
    public static DateOnly TodayAt(Unit unit, DateTimeOffset now) => DateOnly.FromDateTime(unit.TimeZone.ToLocal(now).DateTime);

    /// <summary>The problem of the last change the service refused, if any.</summary>
    public Problem? Refused { get; private set; }

    /// <summary>Which of the page's forms was refused (null on a page with one form): only its fields show the messages.</summary>
    public string? RefusedForm { get; private set; }

    /// <summary>The refusal was a 412: someone else changed the record after the officer saw it.</summary>
    public bool ChangedByOthers { get; private set; }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>Notes a refusal of <paramref name="form"/> and the status the page answers with.</summary>
    protected void Refuse(Problem? problem, string? form = null, bool changedByOthers = false)
    {
        Refused = problem;
        RefusedForm = form;
        ChangedByOthers = changedByOthers;
        Response.StatusCode = problem?.Status is >= 400 and < 500 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status503ServiceUnavailable;
    }

    protected void Refuse<T>(ApiResult<T> result, string? form = null) => Refuse(result.Problem, form, result.ChangedByOthers());

    /// <summary>
    /// Notes a refusal, then shows the record as it now stands with <paramref name="show"/> (which
    /// can see <see cref="RefusedForm"/> to keep what was typed in that form). When the record can
    /// no longer be shown, that answer stands instead.
    /// </summary>
    protected async Task<IActionResult> RefusedAsync(Problem? problem, string? form, bool changedByOthers, Func<Task<IActionResult>> show)
    {
        Refuse(problem, form, changedByOthers);
        return await show();
    }

    protected Task<IActionResult> RefusedAsync<T>(ApiResult<T> result, string? form, Func<Task<IActionResult>> show) =>
        RefusedAsync(result.Problem, form, result.ChangedByOthers(), show);

    /// <summary>A record the officer may not read (or that does not exist) is not found; a service out of reach is a 503.</summary>
    protected IActionResult Unreadable(Problem? problem) =>
        problem is null or { Status: 401 or 403 or 404 } ? NotFound() : StatusCode(StatusCodes.Status503ServiceUnavailable);

    /// <summary>The service's messages for one field of a page's only form.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) => ErrorsOf(null, field);

    /// <summary>The service's messages for one field of <paramref name="form"/>, when that form was the one refused.</summary>
    public IReadOnlyList<string> ErrorsOf(string? form, string field) =>
        RefusedForm == form && Refused?.Errors is { } errors && errors.TryGetValue(field, out var messages) ? messages : [];

    public bool RefusedHere(string form) => Refused is not null && RefusedForm == form;
}
