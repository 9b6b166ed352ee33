using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.MediaRelations.Subjects;

/// <summary>One subject of the controlled list (Data/subjects.json): a stable id and its labels in Indonesian and English.</summary>
public sealed record Subject(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("id_label")] string IndonesianLabel,
    [property: JsonPropertyName("en_label")] string EnglishLabel);

/// <summary>The controlled list of subjects a press release may carry, kept as data in the assembly.</summary>
public sealed class SubjectList
{
    private readonly Dictionary<string, Subject> byId;

    public SubjectList(IReadOnlyList<Subject> subjects)
    {
        All = subjects;
        byId = subjects.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Subject> All { get; }

    public Subject? Find(string id) => byId.GetValueOrDefault(id);

    public static SubjectList Load()
    {
        using var stream = typeof(SubjectList).Assembly.GetManifestResourceStream("Data/subjects.json")
            ?? throw new InvalidOperationException("Data/subjects.json is not embedded.");
        return new SubjectList(JsonSerializer.Deserialize<List<Subject>>(stream) ?? []);
    }
}

public static class ListSubjects
{
    public sealed record SubjectView(string Id, string Label, string LabelEn);

    public static void MapListSubjects(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/media/subjects", (SubjectList subjects) =>
                TypedResults.Ok(subjects.All.Select(s => new SubjectView(s.Id, s.IndonesianLabel, s.EnglishLabel)).ToArray()))
            .AllowAnonymous()
            .WithTags("Subjects")
            .WithName("ListSubjects")
            .WithSummary("The controlled list of subjects a press release may carry");
}
