using System.Globalization;

namespace Humas.ReferenceData;

/// <summary>
/// The area data is title-cased today, but Kemendagri's own lists are upper-case; this keeps
/// unit names readable ("Kabupaten Pangkajene dan Kepulauan") if a later release switches.
/// </summary>
internal static class AreaNameCasing
{
    private static readonly HashSet<string> LowercaseWords = new(StringComparer.OrdinalIgnoreCase) { "dan" };

    public static string Normalize(string name)
    {
        var collapsed = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (collapsed.Any(char.IsLower))
            return collapsed;

        var words = collapsed.Split(' ').Select((word, index) =>
            index > 0 && LowercaseWords.Contains(word)
                ? word.ToLowerInvariant()
                : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant()));
        return string.Join(' ', words);
    }
}
