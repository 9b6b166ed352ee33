using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// One objection as the unit's officers see it and the atasan PPID decides it (Pasal 36): accepted
/// or rejected, with written reasons. Ppid lets only a supervisor of the unit (or of a unit above)
/// decide, so the form is offered to supervisors and anyone else is told who decides. The form names
/// the version it was shown with; a refused form keeps what was typed, with the problem by the field.
/// </summary>
public sealed class ObjectionModel(ConsoleApi api) : ConsolePageModel
{
    public static readonly string[] Decisions = ["accepted", "rejected"];

    public ObjectionEntry Current { get; private set; } = null!;
    public bool Decided { get; private set; }

    [BindProperty] public DecisionForm Decision { get; set; } = new();

    public bool IsSuperior => OfficerRole is "supervisor" or "admin";
    public bool CanDecide => Current.Status == "filed" && IsSuperior;

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        Decided = done == "decided";
        return await ShowAsync(number, ct);
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        var result = await api.DecideObjectionAsync(number, Decision.Version, new ObjectionDecisionBody(Empty(Decision.Decision), Decision.Reasons), ct);
        if (result.Ok) return Redirect($"/console/ppid/objections/{Uri.EscapeDataString(number)}?done=decided");
        return await RefusedAsync(result, null, () => ShowAsync(number, ct));
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
}
