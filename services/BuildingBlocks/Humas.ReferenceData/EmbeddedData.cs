using System.Reflection;

namespace Humas.ReferenceData;

internal static class EmbeddedData
{
    public static string ReadText(string fileName)
    {
        var resourceName = $"Humas.ReferenceData.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing from Humas.ReferenceData.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
