using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// One objection as the unit's officers see it and the atasan PPID decides it (Pasal 36): accepted
/// or rejected, with written reasons. Ppid lets only a supervisor of the unit (or of a unit above)
/// decide, so the form is offered to supervisors and anyone else is told who decides. The texts of
/// the objection and of the decision are shown to the unit's officers only (they may name people).
/// Once decided, or once the decision is overdue, an officer records that the requester took the
/// dispute to the Komisi Informasi (Pasal 37). Each form names the version it was shown with; a
/// refused form keeps what was typed, with the problem by the field of that form.
/// </summary>
public sealed class ObjectionModel(ConsoleApi api, UnitDirectory units, TimeProvider clock) : ConsolePageModel
{
    public static readonly string[] Decisions = ["accepted", "rejected"];

    public ObjectionEntry Current { get; private set; } = null!;

    /// <summary>What the last change came to: "decided" or "dispute".</summary>
    public string? Done { get; private set; }

    [BindProperty] public DecisionForm Decision { get; set; } = new();
    [BindProperty] public DisputeForm Dispute { get; set; } = new();

    public bool IsSuperior => OfficerRole is "supervisor" or "admin";
    public bool CanDecide => Current.Status == "filed" && IsSuperior;

    /// <summary>
    /// The dispute may be recorded once the objection is decided or its decision is overdue (Ppid
    /// has the last word): overdue by the calendar of the objection's unit (WIB, WITA or WIT), not UTC's.
    /// </summary>
    public bool CanRecordDispute => Current.DisputeFiledAt is null
        && (Current.Status == "decided" || units.Find(Current.UnitId) is not { } unit || Current.DecisionDueDate < TodayAt(unit, clock.GetUtcNow()));

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        Done = done is "decided" or "dispute" ? done : null;
        return await ShowAsync(number, ct);
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        var result = await api.DecideObjectionAsync(number, Decision.Version, new ObjectionDecisionBody(Empty(Decision.Decision), Decision.Reasons), ct);
        if (result.Ok) return Redirect($"/console/ppid/objections/{Uri.EscapeDataString(number)}?done=decided");
        return await RefusedAsync(result, "decide", () => ShowAsync(number, ct));
    }

    public async Task<IActionResult> OnPostDisputeAsync(string number, CancellationToken ct)
    {
        var result = await api.RecordDisputeAsync(number, Dispute.Version, new DisputeBody(Empty(Dispute.CommissionReference), Dispute.ElectionInformation), ct);
        if (result.Ok) return Redirect($"/console/ppid/objections/{Uri.EscapeDataString(number)}?done=dispute");
        return await RefusedAsync(result, "dispute", () => ShowAsync(number, ct));
    }

    private async Task<IActionResult> ShowAsync(string number, CancellationToken ct)
    {
        var objection = await api.GetObjectionAsync(number, ct);
        if (!objection.Ok) return Unreadable(objection.Problem);
        Current = objection.Value!;
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class DecisionForm
    {
        public long Version { get; set; }
        public string? Decision { get; set; }
        public string? Reasons { get; set; }
    }

    public sealed class DisputeForm
    {
        public long Version { get; set; }
        public string? CommissionReference { get; set; }
        public bool ElectionInformation { get; set; }
    }
}
