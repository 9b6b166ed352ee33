using System.Text;

namespace Humas.ReferenceData;

/// <summary>Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class CsvReader
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadWithHeader(string text)
    {
        var rows = ReadRows(text);
        if (rows.Count == 0)
            return [];

        var header = rows[0];
        var records = new List<IReadOnlyDictionary<string, string>>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Count != header.Count)
                throw new FormatException($"A CSV row has {row.Count} fields where the header has {header.Count}: {string.Join(",", row)}");
            records.Add(header.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal));
        }
        return records;
    }

    public static List<List<string>> ReadRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else
                    inQuotes = false;
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
            throw new FormatException("The CSV text ends inside a quoted field.");
        EndRow();
        return rows;

        void EndRow()
        {
            // A blank line (or the newline at the end of the file) is not a row.
            if (!fieldStarted && row.Count == 0)
                return;
            row.Add(field.ToString());
            rows.Add(row);
            row = [];
            field.Clear();
            fieldStarted = false;
        }
    }
}
