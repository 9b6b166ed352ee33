using Dapper;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;
using Npgsql;
using System.Security.Claims;

namespace Humas.Calendar.Publications.Planning;

/// <summary>A humas officer plans a publication for their unit: on a date and time, or into the unscheduled pool.</summary>
public static class PlanPublication
{
    public static void MapPlanPublication(this RouteGroupBuilder publications) =>
        publications.MapPost("/", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).WithIdempotencyKey("plan-publication")
            .WithName("PlanPublication")
            .WithSummary("Plan a publication of a unit (humas officers of the unit)")
            .Produces<PublicationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static PublicationPlanned Decide(PlanBody body, DateTimeOffset? plannedAt, string? caller, Guid id) =>
        new(id, body.UnitId!.Trim(), body.ToContent(caller), plannedAt);

    /// <summary>Validates the body, its planned time in the unit's zone and its stage; answers the planned time.</summary>
    public static async Task<DateTimeOffset?> ValidateAsync(PlanBody body, UnitDirectory units, NpgsqlDataSource db, DateTimeOffset now, CancellationToken ct)
    {
        var errors = body.ValidateContent();
        Unit? unit = null;
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else if ((unit = units.Find(body.UnitId.Trim())) is null) errors.Add("unitId", "field.unknown-unit", body.UnitId);
        var plannedAt = PlannedTime.Parse(body.PlannedAt, unit?.TimeZone ?? IndonesianTimeZone.Wib, now.Year, errors);
        if (errors.IsValid) await StageMustExistAsync(body.Stage, db, errors, ct);
        errors.ThrowIfInvalid();
        return plannedAt;
    }

    public static async Task StageMustExistAsync(StageRef? stage, NpgsqlDataSource db, Validation errors, CancellationToken ct)
    {
        if (stage is null) return;
        await using var connection = await db.OpenConnectionAsync(ct);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM election_stages WHERE election_id = @election AND stage_id = @stage)",
            new { election = stage.ElectionId.Trim(), stage = stage.StageId.Trim() }, cancellationToken: ct));
        errors.FailWhen(!exists, "stage", "publication.stage.unknown", stage.ElectionId, stage.StageId);
    }

    private static async Task<IResult> HandleAsync(PlanBody body, HttpContext http, UnitDirectory units, NpgsqlDataSource db, TimeProvider clock,
        ResourceAccess access, CancellationToken ct)
    {
        var plannedAt = await ValidateAsync(body, units, db, clock.GetUtcNow(), ct);
        var unitId = body.UnitId!.Trim();
        await access.DemandForUnitAsync(http, unitId, PublicationChanges.HumasOfficer);

        var planned = Decide(body, plannedAt, http.User.FindFirstValue(HumasClaims.Subject), Guid.CreateVersion7());
        await using var write = await WriteSession.OpenAsync(http, ct);
        var result = await write.Session.AppendAsync(Publication.StreamId(planned.PublicationId), Publication.StreamType, ExpectedVersion.NoStream, [planned],
            new EventMetadata(Actor: ChangeFlow<Publication, PublicationContext, PublicationView>.ActorOf(http)), ct);
        await write.CommitAsync(ct);

        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created(PublicationChanges.Location(planned.PublicationId),
            PublicationView.From(Publication.Evolve(Publication.Initial, planned), result.Version, units));
    }
}
