namespace Humas.Calendar.Elections;

/// <summary>One stage of an election's timeline (tahapan), with the regulation its dates come from.</summary>
public sealed record Stage(string StageId, string NameId, string NameEn, DateOnly Start, DateOnly End, string? Source);

/// <summary>An election and its timeline was put on the calendar: shipped as data, or added by an administrator.</summary>
public sealed record ElectionAdded(string ElectionId, string NameId, string NameEn, string Source, IReadOnlyList<Stage> Stages);

public sealed record StageAdded(string ElectionId, Stage Stage);

/// <summary>A stage's dates were corrected (a later decree moved them); the old dates stay in the log.</summary>
public sealed record StageDatesCorrected(string ElectionId, string StageId, DateOnly PreviousStart, DateOnly PreviousEnd, DateOnly Start, DateOnly End,
    string Reason, string? Source);

/// <summary>An election's timeline, folded from its events. Stages are public.</summary>
public sealed record Election(string Id, string NameId, string NameEn, string Source, IReadOnlyList<Stage> Stages)
{
    public const string StreamType = "election";

    public static Election Initial { get; } = new("", "", "", "", []);

    public static string StreamId(string electionId) => $"election-{electionId}";

    public Stage? StageOf(string stageId) => Stages.FirstOrDefault(s => s.StageId == stageId);

    public static Election Evolve(Election state, object @event) => @event switch
    {
        ElectionAdded e => new Election(e.ElectionId, e.NameId, e.NameEn, e.Source, e.Stages),
        StageAdded e => state with { Stages = [.. state.Stages, e.Stage] },
        StageDatesCorrected e => state with
        {
            Stages = state.Stages.Select(s => s.StageId == e.StageId ? s with { Start = e.Start, End = e.End, Source = e.Source ?? s.Source } : s).ToList(),
        },
        _ => state,
    };
}
