using System.Text.Json;

namespace Humas.Calendar.Elections;

/// <summary>
/// The election timelines shipped with the service (Data/elections/*.json), each stage with the
/// regulation its dates come from. A timeline that changes later is corrected through the API,
/// so the correction is recorded; the files are only the starting point.
/// </summary>
public static class ElectionData
{
    private sealed record File(string ElectionId, string NameId, string NameEn, string Source, IReadOnlyList<Stage> Stages);

    public static IReadOnlyList<ElectionAdded> LoadShipped()
    {
        var assembly = typeof(ElectionData).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Data/elections/", StringComparison.Ordinal))
            .Order()
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var file = JsonSerializer.Deserialize<File>(stream, JsonSerializerOptions.Web) ?? throw new FormatException($"{name} is empty.");
                return new ElectionAdded(file.ElectionId, file.NameId, file.NameEn, file.Source, file.Stages);
            })
            .ToList();
    }
}
