using System.Globalization;
using System.Text.RegularExpressions;
using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// The register of requests (buku register) of the officer's unit and the units under it,
/// newest first, a page at a time, filtered by status and by the period of receipt; with the
/// whole register under the same filters as a CSV download (streamed from Ppid with the
/// officer's authorisation). Filters the service refuses are shown next to their field.
/// </summary>
public sealed partial class RegisterModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Rows a page (the <c>size</c> of the query, 1 to <see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; private set; } = DefaultPageSize;
    public static readonly string[] Statuses = ["registered", "awaiting-clarification", "answered", "referred", "withdrawn"];

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public Unit? Unit { get; private set; }
    public string? Status { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public IReadOnlyList<RegisterEntry> Entries { get; private set; } = [];
    public string? NextCursor { get; private set; }
    public bool FirstPage { get; private set; }
    public Problem? Problem { get; private set; }

    public async Task OnGetAsync(string? unit, string? status, string? from, string? to, string? cursor, int? size, CancellationToken ct)
    {
        if (!Choose(unit, status, from, to)) return;
        PageSize = size is >= 1 and <= MaxPageSize ? size.Value : DefaultPageSize;
        FirstPage = string.IsNullOrEmpty(cursor);
        using var answer = await api.OpenAsync(Path("json") + $"&limit={PageSize}" + (FirstPage ? "" : $"&cursor={Uri.EscapeDataString(cursor!)}"), ct);
        if (answer is null || !answer.IsSuccessStatusCode)
        {
            Fail(answer is null ? null : await CsvDownload.ProblemOfAsync(answer, ct), answer is null ? 503 : (int)answer.StatusCode);
            return;
        }
        Entries = await answer.Content.ReadFromJsonAsync<List<RegisterEntry>>(HumasApi.Json, ct) ?? [];
        NextCursor = answer.Headers.TryGetValues("Link", out var links) ? links.Select(NextOf).FirstOrDefault(c => c is not null) : null;
    }

    public async Task<IActionResult> OnGetCsvAsync(string? unit, string? status, string? from, string? to, CancellationToken ct)
    {
        if (!Choose(unit, status, from, to)) return Page();
        var (file, problem) = await CsvDownload.OpenAsync(api, Response, Path("csv"), $"register-{Unit!.Id}.csv", ct);
        if (file is not null) return file;
        Fail(problem, problem?.Status ?? 503);
        return Page();
    }

    /// <summary>The link to the CSV export of what is shown.</summary>
    public string CsvLink => $"/console/ppid/register?handler=Csv{Query()}";

    public string FirstLink => $"/console/ppid/register?{Query().TrimStart('&')}";

    public string NextLink => $"/console/ppid/register?cursor={Uri.EscapeDataString(NextCursor ?? "")}{Query()}{(PageSize == DefaultPageSize ? "" : $"&size={PageSize}")}";

    private bool Choose(string? unit, string? status, string? from, string? to)
    {
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Fail(null, 403);
            return false;
        }
        Units = units.Below(own.Id).ToList();
        Unit = Units.FirstOrDefault(u => u.Id == unit) ?? own;
        Status = Statuses.Contains(status) ? status : null;
        From = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        To = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        return true;
    }

    private string Query() =>
        (Unit is null ? "" : $"&unit={Uri.EscapeDataString(Unit.Id)}") + (Status is null ? "" : $"&status={Status}")
        + (From is null ? "" : $"&from={Uri.EscapeDataString(From)}") + (To is null ? "" : $"&to={Uri.EscapeDataString(To)}");

    /// <summary>The service's own query: dates as typed, so the service names a bad one by its field.</summary>
    private string Path(string format) =>
        $"/api/ppid/requests?unitId={Uri.EscapeDataString(Unit!.Id)}&format={format}" + (Status is null ? "" : $"&status={Status}")
        + (From is null ? "" : $"&from={Uri.EscapeDataString(From)}") + (To is null ? "" : $"&to={Uri.EscapeDataString(To)}");

    /// <summary>The register could not be shown: the problem is shown instead, its messages by the filter's fields.</summary>
    private void Fail(Problem? problem, int status)
    {
        Problem = problem ?? new Problem(null, null, status, null, null);
        Refuse(Problem);
        if (status == 403) Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    /// <summary>The cursor of a <c>Link: &lt;…&amp;cursor=X&gt;; rel="next"</c>.</summary>
    private static string? NextOf(string link) =>
        CursorOfNext().Match(link) is { Success: true } match ? Uri.UnescapeDataString(match.Groups[1].Value) : null;

    [GeneratedRegex("""[?&]cursor=([^&>]+)[^>]*>\s*;\s*rel="next""", RegexOptions.CultureInvariant)]
    private static partial Regex CursorOfNext();
}
