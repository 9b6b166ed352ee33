using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// Passes a service's CSV export on to the officer's browser as it streams (a plain link, no
/// script), under the file name the service gave it; null when the service refused or could not
/// be reached, for the page to say so.
/// </summary>
public static class CsvDownload
{
    public static async Task<(IActionResult? File, Problem? Problem)> OpenAsync(ConsoleApi api, HttpResponse browser, string path, string fallbackName,
        CancellationToken ct)
    {
        var answer = await api.OpenAsync(path, ct);
        if (answer is null) return (null, new Problem(null, null, 503, null, null));
        if (!answer.IsSuccessStatusCode || answer.Content.Headers.ContentType?.MediaType != "text/csv")
        {
            var problem = await ProblemOfAsync(answer, ct);
            var status = (int)answer.StatusCode;
            answer.Dispose();
            return (null, problem ?? new Problem(null, null, status, null, null));
        }
        browser.RegisterForDispose(answer);
        var name = answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? fallbackName;
        return (new FileStreamResult(await answer.Content.ReadAsStreamAsync(ct), new MediaTypeHeaderValue("text/csv") { Charset = "utf-8" })
        {
            FileDownloadName = name,
        }, null);
    }

    /// <summary>The problem details of a refusal, if the service wrote them.</summary>
    public static async Task<Problem?> ProblemOfAsync(HttpResponseMessage answer, CancellationToken ct) =>
        answer.Content.Headers.ContentType?.MediaType == "application/problem+json" ? await answer.Content.ReadFromJsonAsync<Problem>(HumasApi.Json, ct) : null;
}
