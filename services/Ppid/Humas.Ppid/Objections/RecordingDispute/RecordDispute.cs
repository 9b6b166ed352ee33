using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Objections;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.Ppid.Requests;

namespace Humas.Ppid.Objections.RecordingDispute;

/// <summary>
/// The requester took the matter to the Komisi Informasi (Pasal 37): possible once the objection
/// is decided, or once its decision deadline passed undecided. The Commission's settlement
/// period is recorded with it: 100 working days, 14 for election information (Perki 1/2019).
/// </summary>
public static class RecordDispute
{
    public sealed record Body([property: MaxLength(100)] string? CommissionReference, bool? ElectionInformation);

    public static IReadOnlyList<object> Decide(Objection state, Body body, DecisionContext context)
    {
        if (state.DisputeRecorded) throw Refusal.Conflict("objection.dispute.already-recorded");
        if (state.Status != ObjectionStatus.Decided && !context.HasPassed(state.DecisionDueDate))
            throw Refusal.Conflict("objection.dispute.too-early");
        var election = body.ElectionInformation ?? false;
        var settlement = context.Calendar.ComputeDeadline(context.Now, context.Zone, election ? LegalPeriods.ElectionDisputeSettlement : LegalPeriods.DisputeSettlement, context.Rules.WorkingDays);
        return [new DisputeFiled(string.IsNullOrWhiteSpace(body.CommissionReference) ? null : body.CommissionReference.Trim(), election, context.Now, settlement.DueDate, context.Actor)];
    }

    public static void MapRecordDispute(this RouteGroupBuilder objections) =>
        objections.MapPost("/{objectionNumber}/dispute", (string objectionNumber, Body body, HttpContext http, CancellationToken ct) =>
                ObjectionChanges.Flow.RunAsync(http, objectionNumber, ActOn.RequesterOrPpidOfficer, (state, context) => Decide(state, body, context), ct))
            .AllowAnonymous().WithName("RecordDispute").AcceptsAccessCode()
            .WithSummary("Record that the dispute was filed with the Komisi Informasi (requester with access code, or officer; If-Match)")
            .ProducesChange<ObjectionChanges.Changed>();
}
