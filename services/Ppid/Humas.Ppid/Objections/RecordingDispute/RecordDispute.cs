using Humas.Ppid.Requests;

namespace Humas.Ppid.Objections.RecordingDispute;

/// <summary>
/// The requester took the matter to the Komisi Informasi (Pasal 37): possible once the objection
/// is decided, or once its decision deadline passed undecided. The Commission's settlement
/// period is recorded with it: 100 working days, 14 for election information (Perki 1/2019).
/// </summary>
public static class RecordDispute
{
    public const int SettlementWorkingDays = 100;
    public const int ElectionSettlementWorkingDays = 14;

    public sealed record Body(string? CommissionReference, bool? ElectionInformation);

    public static IReadOnlyList<object> Decide(Objection state, Body body, DecisionContext context)
    {
        if (state.DisputeRecorded) throw new RuleViolation("Sengketa sudah dicatat", "the dispute is already recorded");
        if (state.Status != ObjectionStatus.Decided && !context.HasPassed(state.DecisionDueDate))
            throw new RuleViolation("Keberatan belum diputus dan batas waktunya belum lewat", "the objection is undecided and its deadline has not passed");
        var election = body.ElectionInformation ?? false;
        var settlement = context.Calendar.ComputeDeadline(context.Now, context.Zone, election ? ElectionSettlementWorkingDays : SettlementWorkingDays, context.Rules.WorkingDays);
        return [new DisputeFiled(string.IsNullOrWhiteSpace(body.CommissionReference) ? null : body.CommissionReference.Trim(), election, context.Now, settlement.DueDate, context.Actor)];
    }

    public static void MapRecordDispute(this RouteGroupBuilder objections) =>
        objections.MapPost("/{objectionNumber}/dispute", (string objectionNumber, Body body, HttpContext http, CancellationToken ct) =>
                ObjectionCommand.ExecuteAsync(http, objectionNumber, ObjectionActor.RequesterOrOfficer, (state, context) => Decide(state, body, context), ct))
            .AllowAnonymous().WithSummary("Record that the dispute was filed with the Komisi Informasi (requester with access code, or officer; If-Match)");
}
