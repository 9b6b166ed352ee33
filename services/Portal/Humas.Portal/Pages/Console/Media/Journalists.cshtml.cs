using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>
/// The journalists registered with the officer's unit (and the units under it): accredit a
/// registered (or revoked) one, revoke an accreditation with a reason. Each form names the version
/// it was shown with; a refusal is shown by the journalist's row with the reason typed kept.
/// </summary>
public sealed class JournalistsModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public IReadOnlyList<OfficerJournalist> Journalists { get; private set; } = [];
    public Problem? Problem { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public Guid JournalistId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done is "accredit" or "revoke" ? done : null;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAccreditAsync(CancellationToken ct) => ChangeAsync("accredit", null, ct);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) => ChangeAsync("revoke", new { reason = Reason }, ct);

    private async Task<IActionResult> ChangeAsync(string action, object? body, CancellationToken ct)
    {
        var result = await api.ChangeJournalistAsync(JournalistId, action, Version, body, ct);
        if (result.Ok) return Redirect($"/console/media/journalists?done={action}");
        Refuse(result, JournalistId.ToString());
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        var result = await api.ListJournalistsAsync(own.Id, ct);
        if (result.Ok) Journalists = result.Value!;
        else Problem = result.Problem;
    }

    /// <summary>The refusal's messages for a field of the form in one journalist's row.</summary>
    public IReadOnlyList<string> ErrorsOf(Guid journalistId, string field) => ErrorsOf(journalistId.ToString(), field);
}
