using Dapper;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Calendar.Elections.ReadingElections;

/// <summary>Election timelines are public: anyone lists them, reads one with its version, and sees how its dates were corrected.</summary>
public static class ReadElections
{
    public sealed record ElectionSummary(string ElectionId, string NameId, string NameEn, string Source, IReadOnlyList<StageRow> Stages);

    public sealed record StageRow(string ElectionId, string StageId, string NameId, string NameEn, DateOnly StartDate, DateOnly EndDate, string? Source, bool Corrected);

    private sealed record ElectionRow(string ElectionId, string NameId, string NameEn, string Source);

    public static void MapReadElections(this RouteGroupBuilder elections)
    {
        elections.MapGet("/", ListAsync).AllowAnonymous().WithName("ListElections")
            .WithSummary("Every election on the calendar with its stages (public)")
            .Produces<IReadOnlyList<ElectionSummary>>();
        elections.MapGet("/{electionId}", GetAsync).AllowAnonymous().WithName("GetElection")
            .WithSummary("One election with its stages; the ETag is the version an administrator's change names (public)")
            .Produces<ElectionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        elections.MapGet("/{electionId}/history", HistoryAsync).AllowAnonymous().WithName("GetElectionHistory")
            .WithSummary("How an election's timeline was set and corrected (public; who changed it only for administrators)")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IReadOnlyList<StageRow>> StagesBetweenAsync(NpgsqlConnection connection, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await connection.QueryAsync<StageRow>(new CommandDefinition("""
            SELECT election_id, stage_id, name_id, name_en, start_date, end_date, source, corrected FROM election_stages
            WHERE start_date <= @to AND end_date >= @from ORDER BY start_date, end_date, election_id, stage_id
            """, new { from, to }, cancellationToken: ct))).AsList();

    private static async Task<IResult> ListAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var elections = await connection.QueryAsync<ElectionRow>(new CommandDefinition(
            "SELECT election_id, name_id, name_en, source FROM elections ORDER BY election_id", cancellationToken: ct));
        var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition(
            "SELECT election_id, stage_id, name_id, name_en, start_date, end_date, source, corrected FROM election_stages ORDER BY start_date, end_date, stage_id",
            cancellationToken: ct))).ToLookup(s => s.ElectionId);
        return TypedResults.Ok(elections.Select(e => new ElectionSummary(e.ElectionId, e.NameId, e.NameEn, e.Source, stages[e.ElectionId].ToList())).ToList());
    }

    private static async Task<IResult> GetAsync(string electionId, HttpContext http, EventStore store, CancellationToken ct)
    {
        var current = await store.AggregateAsync(Election.StreamId(electionId), Election.Initial, Election.Evolve, ct)
            ?? throw Refusal.NotFound("election.not-found", electionId);
        http.Response.Headers.ETag = $"\"{current.Version}\"";
        return TypedResults.Ok(ElectionView.From(current.State, current.Version));
    }

    private static async Task<IResult> HistoryAsync(string electionId, HttpContext http, EventStore store, ResourceAccess access, CancellationToken ct)
    {
        var withActor = await access.AllowsAsync(http.User, new ProtectedResource("kpu"), ActOn.Administrator);
        var history = await History.ReadAsync(store, Election.StreamId(electionId), IndonesianTimeZone.Wib, withActor, ct);
        return history.Count == 0 ? throw Refusal.NotFound("election.not-found", electionId) : TypedResults.Ok(history);
    }
}
