using Humas.ServiceDefaults.Texts;

namespace Humas.Ppid;

/// <summary>Ppid's texts (Resources/Texts*.resx), for the places that build text outside a request, such as a deadline's explanation.</summary>
public static class PpidTexts
{
    public static readonly TextCatalog Catalog = new([new TextSource(typeof(PpidTexts).Assembly)]);
}
