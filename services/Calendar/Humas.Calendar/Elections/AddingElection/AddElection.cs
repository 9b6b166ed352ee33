using System.ComponentModel.DataAnnotations;
using Humas.Eventing.Store;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;

namespace Humas.Calendar.Elections.AddingElection;

/// <summary>An administrator puts a new election on the calendar (e.g. Pemilu 2029) with its timeline and the regulation it comes from.</summary>
public static class AddElection
{
    public sealed record Body([property: MaxLength(60)] string? ElectionId, [property: MaxLength(300)] string? NameId, [property: MaxLength(300)] string? NameEn, [property: MaxLength(500)] string? Source, IReadOnlyList<StageBody>? Stages);

    public static Validation Validate(Body body)
    {
        var errors = new Validation();
        StageBody.Slug(errors, body.ElectionId, "electionId");
        errors.Text(body.NameId, "nameId", 300).Text(body.NameEn, "nameEn", 300, required: false).Text(body.Source, "source", 500);
        if (body.Stages is null || body.Stages.Count == 0) errors.Add("stages", "election.stages.required");
        else
        {
            if (body.Stages.Count > 100) errors.Add("stages", "election.stages.too-many", 100);
            for (var i = 0; i < Math.Min(body.Stages.Count, 100); i++) body.Stages[i].Validate(errors, $"stages[{i}].");
            var duplicate = body.Stages.GroupBy(s => s.StageId).FirstOrDefault(g => g.Key is not null && g.Count() > 1);
            if (duplicate is not null) errors.Add("stages", "election.stage.duplicate", duplicate.Key);
        }
        return errors;
    }

    /// <summary>Only after validation found nothing; an election that exists already is refused.</summary>
    public static ElectionAdded Decide(Body body, bool exists) => exists
        ? throw Refusal.Conflict("election.exists", body.ElectionId)
        : new ElectionAdded(body.ElectionId!, body.NameId!.Trim(), string.IsNullOrWhiteSpace(body.NameEn) ? body.NameId!.Trim() : body.NameEn.Trim(),
            body.Source!.Trim(), body.Stages!.Select(s => s.ToStage()).ToList());

    public static void MapAddElection(this RouteGroupBuilder elections) =>
        elections.MapPost("/", HandleAsync).RequireAuthorization(HumasPolicies.Admin).WithIdempotencyKey("add-election")
            .WithName("AddElection")
            .WithSummary("Add an election with its stages (administrators)")
            .Produces<ElectionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Body body, HttpContext http, EventStore store, CancellationToken ct)
    {
        Validate(body).ThrowIfInvalid();
        var exists = await store.AggregateAsync(Election.StreamId(body.ElectionId!), Election.Initial, Election.Evolve, ct) is not null;
        var added = Decide(body, exists);
        await using var write = await WriteSession.OpenAsync(http, ct);
        var result = await write.Session.AppendAsync(Election.StreamId(added.ElectionId), Election.StreamType, ExpectedVersion.NoStream, [added],
            new EventMetadata(Actor: ChangeFlow<Election, DateTimeOffset, ElectionView>.ActorOf(http)), ct);
        await write.CommitAsync(ct);
        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created(ElectionChanges.Location(added.ElectionId), ElectionView.From(Election.Evolve(Election.Initial, added), result.Version));
    }
}
