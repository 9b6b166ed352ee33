using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults.Http;
using Humas.UseCases.Access;
using Humas.UseCases.Idempotency;
using System.Globalization;
using Humas.ServiceDefaults.Problems;
using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Objections.FilingObjection;

/// <summary>
/// The requester files a written objection (keberatan) with the atasan PPID on the grounds of
/// Pasal 35(1), within 30 working days of the grounds arising. It gets its own number and a
/// decision deadline of 30 working days.
/// </summary>
public static class FileObjection
{
    public sealed record Body(IReadOnlyList<ObjectionGround>? Grounds, [property: MaxLength(4000)] string? Reasons, DateOnly? GroundsAroseOn);

    public sealed record Filed(string ObjectionNumber, string RegistrationNumber, DateOnly DecisionDueDate, DeadlineView DecisionDeadline);

    public static ObjectionFiled Decide(InformationRequest request, Body body, bool hasUndecidedObjection, Guid objectionId, string number,
        DecisionContext context)
    {
        if (body.Grounds is null || body.Grounds.Count == 0)
            throw Refusal.Invalid("grounds", "objection.grounds.required");
        var reasons = RequestGuards.Required(body.Reasons, "reasons");
        if (hasUndecidedObjection) throw Refusal.Conflict("objection.undecided-exists");
        var receivedOn = DateOnly.FromDateTime(context.Zone.ToLocal(request.ReceivedAt).DateTime);
        var arose = body.GroundsAroseOn ?? context.Today;
        if (arose < receivedOn || arose > context.Today)
            throw Refusal.Invalid("groundsAroseOn", "objection.grounds-arose-on.out-of-range");
        var filingDue = context.Calendar.ComputeDeadlineFromDay(arose, LegalPeriods.ObjectionFiling, context.Rules.WorkingDays).DueDate;
        if (context.Today > filingDue)
            throw Refusal.Conflict("objection.filing-period-ended", filingDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var decision = context.Calendar.ComputeDeadline(context.Now, context.Zone, LegalPeriods.ObjectionDecision, context.Rules.WorkingDays);
        return new ObjectionFiled(objectionId, number, request.Id, request.RegistrationNumber, request.UnitId, body.Grounds.Distinct().ToList(), reasons,
            arose, context.Now, decision.DayZero, decision.DueDate);
    }

    public static void MapFileObjection(this RouteGroupBuilder requests) =>
        requests.MapPost("/{registrationNumber}/objections", HandleAsync).AllowAnonymous().WithIdempotencyKey("file-objection")
            .WithName("FileObjection").AcceptsAccessCode()
            .WithSummary("The requester files an objection (access code); an officer may file it for a walk-in requester")
            .Produces<Filed>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(string registrationNumber, Body body, HttpContext http, EventStore store, NpgsqlDataSource db,
        UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var row = await RequestLookup.FindAsync(db, registrationNumber, ct);
        var current = row is null ? null : await store.AggregateAsync(InformationRequest.StreamId(row.RequestId), RequestChanges.Aggregate.Initial, RequestChanges.Aggregate.Evolve, ct);
        await access.DemandAsync(http, current is { } found ? RequestChanges.Protection(found.State) : null, ActOn.RequesterOrPpidOfficer, "request.not-found", registrationNumber);

        var request = current!.Value.State;
        var undecided = (await ObjectionLookup.ForRequestAsync(db, request.Id, ct)).Any(o => o.Status == "filed");
        var unit = units.Find(request.UnitId)!;
        var context = await DecisionContexts.ForUnitAsync(http, unit.Id, ct);

        await using var write = await WriteSession.OpenAsync(http, ct);
        var number = await RegistrationNumbers.NextAsync(write.Session, unit.Id, unit.TimeZone.ToLocal(context.Now).Year, ct, RegistrationNumbers.ObjectionSeries);
        var filed = Decide(request, body, undecided, Guid.CreateVersion7(), number, context);
        var result = await write.Session.AppendAsync(Objection.StreamId(filed.ObjectionId), Objection.StreamType, ExpectedVersion.NoStream, [filed],
            new EventMetadata(Actor: context.Actor), ct);
        await write.CommitAsync(ct);

        var deadline = context.Calendar.ComputeDeadline(context.Now, unit.TimeZone, LegalPeriods.ObjectionDecision, context.Rules.WorkingDays);
        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created($"/api/ppid/objections/{filed.ObjectionNumber}",
            new Filed(filed.ObjectionNumber, filed.RegistrationNumber, filed.DecisionDueDate, DeadlineView.From(deadline, unit.TimeZone)));
    }
}
