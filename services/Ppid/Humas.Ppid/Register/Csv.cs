using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Humas.Ppid.Register;

/// <summary>
/// RFC 4180 CSV, with cells that a spreadsheet would run as a formula defused. An export is
/// streamed: each row is written to the response as it is read, so a register of any size is
/// sent without being held whole in memory (and without a Content-Length: chunked).
/// </summary>
public static class Csv
{
    /// <summary>Answers a CSV file of <paramref name="rows"/> under a header in the caller's language (texts <c>csv.NAME</c>); the cells stay culture-invariant.</summary>
    public static IResult Stream(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows) => new Export(fileName, header, rows);

    /// <summary>Writes the header and each row as it comes; the writer's buffer goes out whenever it fills.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Line(header.Select(Label).Cast<object?>()).AsMemory(), ct);
        await foreach (var row in rows.WithCancellation(ct))
            await writer.WriteLineAsync(Line(row).AsMemory(), ct);
        await writer.FlushAsync(ct);
    }

    /// <summary>A column or indicator name in the caller's language (texts <c>csv.NAME</c>).</summary>
    public static string Label(string name) => PpidTexts.Catalog[$"csv.{name}"];

    private static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool flag => PpidTexts.Catalog[flag ? "csv.yes" : "csv.no"],
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && value is string) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    private sealed class Export(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
            await WriteAsync(http.Response.Body, header, rows, http.RequestAborted);
        }
    }
}
