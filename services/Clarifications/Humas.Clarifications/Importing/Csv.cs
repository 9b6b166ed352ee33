using System.Text;

namespace Humas.Clarifications.Importing;

/// <summary>RFC 4180 CSV with a header line: quoted fields may hold commas, doubled quotes and line breaks.</summary>
public static class Csv
{
    public static List<Dictionary<string, string>> ReadWithHeader(string text)
    {
        var rows = ReadRows(text);
        if (rows.Count == 0) return [];
        var header = rows[0].Select(h => h.Trim()).ToList();
        return rows.Skip(1).Where(r => !(r.Count == 1 && r[0].Length == 0))
            .Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : "")).ToDictionary(p => p.h, p => p.v, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    public static List<List<string>> ReadRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
