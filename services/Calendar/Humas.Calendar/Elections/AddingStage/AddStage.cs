using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;

namespace Humas.Calendar.Elections.AddingStage;

/// <summary>An administrator adds a stage to an election's timeline.</summary>
public static class AddStage
{
    public static IReadOnlyList<object> Decide(Election election, StageBody body) =>
        election.StageOf(body.StageId!) is not null
            ? throw Refusal.Conflict("election.stage.exists", body.StageId)
            : [new StageAdded(election.Id, body.ToStage())];

    public static void MapAddStage(this RouteGroupBuilder elections) =>
        elections.MapPost("/{electionId}/stages", (string electionId, StageBody body, HttpContext http) =>
            {
                var errors = new Validation();
                body.Validate(errors, "");
                errors.ThrowIfInvalid();
                return ElectionChanges.RunAsync(http, electionId, (election, _) => Decide(election, body));
            })
            .RequireAuthorization(HumasPolicies.Admin).WithName("AddStage")
            .WithSummary("Add a stage to an election (administrators; If-Match)")
            .ProducesChange<ElectionView>();
}
