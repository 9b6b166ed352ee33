using Humas.UseCases.Access;
using Humas.UseCases.Changes;

namespace Humas.Calendar.Elections;

/// <summary>An election as everyone reads it; the version is also the ETag an administrator's change names.</summary>
public sealed record ElectionView(string ElectionId, string NameId, string NameEn, string Source, IReadOnlyList<Stage> Stages, long Version)
{
    public static ElectionView From(Election e, long version) =>
        new(e.Id, e.NameId, e.NameEn, e.Source, e.Stages.OrderBy(s => s.Start).ThenBy(s => s.End).ToList(), version);
}

/// <summary>How a change to an election runs through the toolkit's pipeline: only an administrator changes timelines.</summary>
internal static class ElectionChanges
{
    public static readonly ChangeFlow<Election, DateTimeOffset, ElectionView> Flow = new()
    {
        Aggregate = new(Election.StreamType, Election.Initial, Election.Evolve),
        NotFoundCode = "election.not-found",
        FindStream = (_, key, _) => Task.FromResult<string?>(Election.StreamId(key)),
        // Timelines are national data: the resource's unit only matters to handlers other than the administrator's.
        Protect = (_, _, _) => Task.FromResult(new ProtectedResource("kpu")),
        Context = (http, _, _) => Task.FromResult(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()),
        View = (_, election, version) => ElectionView.From(election, version),
    };

    public static Task<IResult> RunAsync(HttpContext http, string electionId, Decider<Election, DateTimeOffset> decide) =>
        Flow.RunAsync(http, electionId, ActOn.Administrator, decide, http.RequestAborted);

    public static string Location(string electionId) => $"/api/calendar/elections/{electionId}";
}
