using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;

namespace Humas.Calendar.Elections.CorrectingStage;

/// <summary>
/// An administrator corrects a stage's dates, with the reason (and the decree, when a new one
/// moved them). The correction is an event: the previous dates stay in the election's history.
/// </summary>
public static class CorrectStageDates
{
    public sealed record Body(DateOnly? Start, DateOnly? End, [property: MaxLength(2000)] string? Reason, [property: MaxLength(500)] string? Source);

    public static Validation Validate(Body body)
    {
        var errors = new Validation();
        StageBody.Dates(errors, body.Start, body.End);
        errors.Text(body.Reason, "reason", 2000).Text(body.Source, "source", 500, required: false);
        return errors;
    }

    /// <summary>The same dates again change nothing, so a repeated correction is harmless.</summary>
    public static IReadOnlyList<object> Decide(Election election, string stageId, Body body)
    {
        var stage = election.StageOf(stageId) ?? throw Refusal.NotFound("election.stage.not-found", stageId);
        if (stage.Start == body.Start && stage.End == body.End) return [];
        return [new StageDatesCorrected(election.Id, stageId, stage.Start, stage.End, body.Start!.Value, body.End!.Value, body.Reason!.Trim(),
            string.IsNullOrWhiteSpace(body.Source) ? null : body.Source.Trim())];
    }

    public static void MapCorrectStageDates(this RouteGroupBuilder elections) =>
        elections.MapPut("/{electionId}/stages/{stageId}/dates", (string electionId, string stageId, Body body, HttpContext http) =>
            {
                Validate(body).ThrowIfInvalid();
                return ElectionChanges.RunAsync(http, electionId, (election, _) => Decide(election, stageId, body));
            })
            .RequireAuthorization(HumasPolicies.Admin).WithName("CorrectStageDates")
            .WithSummary("Correct a stage's dates, with the reason; recorded in the election's history (administrators; If-Match)")
            .ProducesChange<ElectionView>();
}
