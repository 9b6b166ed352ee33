using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Humas.ServiceDefaults.Texts;

/// <summary>
/// User-facing texts, kept in each assembly's <c>Resources/Texts.resx</c> (Indonesian, the
/// default) and <c>Resources/Texts.en.resx</c> (English). A service's own texts are looked up
/// before the shared ones, so a service may word a shared message its own way.
/// </summary>
public sealed class TextCatalog
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly IReadOnlyList<ResourceManager> resources;

    public TextCatalog(IEnumerable<TextSource> sources) =>
        resources = sources.Select(s => s.Assembly).Append(typeof(TextCatalog).Assembly).Distinct()
            .Select(a => new ResourceManager($"{a.GetName().Name}.Resources.Texts", a)).ToList();

    /// <summary>The text in the caller's language (the current UI culture), formatted with the arguments; the key itself when no text has it.</summary>
    public string this[string key, params object?[] arguments] => Get(key, CultureInfo.CurrentUICulture, arguments);

    public string Get(string key, CultureInfo culture, params object?[] arguments)
    {
        var template = Find(key, culture) ?? key;
        return arguments.Length == 0 ? template : string.Format(culture, template, arguments);
    }

    public bool Has(string key) => Find(key, Indonesian) is not null;

    private string? Find(string key, CultureInfo culture)
    {
        foreach (var manager in resources)
        {
            try
            {
                if (manager.GetString(key, culture) is { } text) return text;
            }
            catch (MissingManifestResourceException)
            {
                // An assembly without texts of its own.
            }
        }
        return null;
    }
}

/// <summary>An assembly whose <c>Resources/Texts*.resx</c> the catalog reads.</summary>
public sealed record TextSource(Assembly Assembly);
