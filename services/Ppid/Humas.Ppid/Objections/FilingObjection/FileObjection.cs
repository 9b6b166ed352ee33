using System.Security.Claims;
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
    public sealed record Body(IReadOnlyList<ObjectionGround>? Grounds, string? Reasons, DateOnly? GroundsAroseOn);

    public sealed record Filed(string ObjectionNumber, string RegistrationNumber, DateOnly DecisionDueDate, DeadlineView DecisionDeadline);

    public static ObjectionFiled Decide(InformationRequest request, Body body, bool hasUndecidedObjection, Guid objectionId, string number,
        DecisionContext context)
    {
        if (body.Grounds is null || body.Grounds.Count == 0)
            throw new InvalidField("grounds", "Sebutkan alasan keberatan menurut Pasal 35 ayat (1)", "name the grounds of Pasal 35(1)");
        var reasons = RequestGuards.Required(body.Reasons, "reasons");
        if (hasUndecidedObjection) throw new RuleViolation("Masih ada keberatan yang belum diputus untuk permohonan ini", "an objection to this request is still undecided");
        var receivedOn = DateOnly.FromDateTime(context.Zone.ToLocal(request.ReceivedAt).DateTime);
        var arose = body.GroundsAroseOn ?? context.Today;
        if (arose < receivedOn || arose > context.Today)
            throw new InvalidField("groundsAroseOn", "Tanggal timbulnya alasan keberatan tidak masuk akal", "the date the grounds arose must lie between the request and today");
        var filingDue = context.Calendar.ComputeDeadlineFromDay(arose, LegalPeriods.ObjectionFiling, context.Rules.WorkingDays).DueDate;
        if (context.Today > filingDue)
            throw new RuleViolation($"Batas waktu pengajuan keberatan ({filingDue:yyyy-MM-dd}) sudah lewat", $"the period to object ended on {filingDue:yyyy-MM-dd}");
        var decision = context.Calendar.ComputeDeadline(context.Now, context.Zone, LegalPeriods.ObjectionDecision, context.Rules.WorkingDays);
        return new ObjectionFiled(objectionId, number, request.Id, request.RegistrationNumber, request.UnitId, body.Grounds.Distinct().ToList(), reasons,
            arose, context.Now, decision.DayZero, decision.DueDate);
    }

    public static void MapFileObjection(this RouteGroupBuilder requests) =>
        requests.MapPost("/{registrationNumber}/objections", HandleAsync).AllowAnonymous()
            .WithSummary("The requester files an objection (access code); an officer may file it for a walk-in requester");

    private static async Task<IResult> HandleAsync(string registrationNumber, Body body, HttpContext http, EventStore store, NpgsqlDataSource db,
        UnitDirectory units, PpidCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var row = await RequestLookup.FindAsync(db, registrationNumber, ct);
        if (row is null) return Problems.NotFound(registrationNumber);
        if (!RequesterAccess.IsRequester(http, row) && !OfficerAccess.MayActFor(http.User, row.UnitId, units))
            return http.User.Identity?.IsAuthenticated == true || http.Request.Headers.ContainsKey("X-Access-Code")
                ? Problems.Forbidden("Only the requester (with the access code) or an officer of the unit may file an objection.")
                : Problems.Unauthorized("Send the request's access code in the X-Access-Code header.");

        var aggregate = await store.AggregateAsync(InformationRequest.StreamId(row.RequestId), InformationRequest.Initial, InformationRequest.Evolve, ct);
        var request = aggregate!.Value.State;
        var undecided = (await ObjectionLookup.ForRequestAsync(db, row.RequestId, ct)).Any(o => o.Status == "filed");
        var unit = units.Find(request.UnitId)!;
        var context = new DecisionContext(clock.GetUtcNow(), calendar.Rules, (await calendar.CurrentAsync(ct)).Calendar, unit.TimeZone,
            http.User.FindFirstValue(HumasClaims.Subject) ?? "requester");

        await using var session = await store.OpenSessionAsync(ct);
        var number = await RegistrationNumbers.NextAsync(session, unit.Id, unit.TimeZone.ToLocal(context.Now).Year, ct, RegistrationNumbers.ObjectionSeries);
        ObjectionFiled filed = null!;
        if (RequestGuards.Refusal(() => filed = Decide(request, body, undecided, Guid.CreateVersion7(), number, context)) is { } refused) return refused;
        var result = await session.AppendAsync(Objection.StreamId(filed.ObjectionId), Objection.StreamType, ExpectedVersion.NoStream, [filed],
            new EventMetadata(Actor: context.Actor), ct);
        await session.CommitAsync(ct);

        var deadline = context.Calendar.ComputeDeadline(context.Now, unit.TimeZone, LegalPeriods.ObjectionDecision, context.Rules.WorkingDays);
        http.Response.Headers.ETag = $"\"{result.Version}\"";
        return TypedResults.Created($"/api/ppid/objections/{filed.ObjectionNumber}",
            new Filed(filed.ObjectionNumber, filed.RegistrationNumber, filed.DecisionDueDate, DeadlineView.From(deadline, unit.TimeZone)));
    }
}
