using Humas.Ppid.Deadlines;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.ExtendingDeadline;

/// <summary>The one extension of Pasal 22(8): at most 7 working days, with written reasons, given before the deadline passes.</summary>
public static class ExtendDeadline
{
    public sealed record Body(int? WorkingDays, string? Reason);

    public static IReadOnlyList<object> Decide(InformationRequest state, Body body, DecisionContext context)
    {
        RequestGuards.MustBeOpen(state, "diperpanjang / extended");
        if (state.Extended) throw new RuleViolation("Perpanjangan hanya boleh satu kali", "the deadline can be extended only once");
        if (body.WorkingDays is not { } days || days < 1 || days > LegalPeriods.MaxExtension)
            throw new InvalidField("workingDays", $"Perpanjangan 1 sampai {LegalPeriods.MaxExtension} hari kerja", $"an extension is 1 to {LegalPeriods.MaxExtension} working days");
        var reason = RequestGuards.Required(body.Reason, "reason");
        if (context.HasPassed(state.DueDate))
            throw new RuleViolation("Batas waktu sudah lewat; perpanjangan harus diberikan sebelumnya", "the deadline has passed; an extension must be given before it");
        var extended = context.Calendar.ComputeDeadlineFromDay(state.DueDate, days, context.Rules.WorkingDays);
        return [new DeadlineExtended(days, reason, state.DueDate, extended.DueDate, context.Actor, context.Now)];
    }

    public static void MapExtendDeadline(this RouteGroupBuilder requests) =>
        requests.MapPost("/{registrationNumber}/extension", (string registrationNumber, Body body, HttpContext http, CancellationToken ct) =>
                RequestCommand.ExecuteAsync(http, registrationNumber, RequestActor.Officer, (state, context) => Decide(state, body, context), ct))
            .RequireAuthorization(HumasPolicies.PpidOfficer).WithSummary("Extend the deadline once, by at most 7 working days (If-Match)");
}
