using System.Globalization;
using System.Text;

namespace Humas.Ppid.Register;

/// <summary>RFC 4180 CSV, with cells that a spreadsheet would run as a formula defused.</summary>
public static class Csv
{
    /// <summary>The caller's language for the header row (texts <c>csv.NAME</c>); the cells stay culture-invariant.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', header.Select(Label).Select(Cell)));
        foreach (var row in rows) text.AppendLine(string.Join(',', row.Select(Cell)));
        return text.ToString();
    }

    /// <summary>A column or indicator name in the caller's language (texts <c>csv.NAME</c>).</summary>
    public static string Label(string name) => PpidTexts.Catalog[$"csv.{name}"];

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

    public static IResult File(string csv, string name) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
}
