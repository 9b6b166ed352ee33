using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// The compliance view of the unit's berkala (periodic) obligations, UU 14/2008 Pasal 9, as the
/// Calendar tracks them: missed ones (overdue) first, then those due now, then those done (last
/// published, next due later). A province's officers see their regencies' too, or one of them.
/// </summary>
public sealed class ComplianceModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public static readonly string[] States = ["overdue", "due", "scheduled"];

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public Unit? Unit { get; private set; }
    public ComplianceView? View { get; private set; }
    public Problem? Problem { get; private set; }

    public async Task OnGetAsync(string? unit, CancellationToken ct)
    {
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        Units = units.Below(own.Id).ToList();
        Unit = Units.FirstOrDefault(u => u.Id == unit) ?? own;
        var result = await api.GetComplianceAsync(Unit.Id, ct);
        if (result.Ok) View = result.Value;
        else Refuse(Problem = result.Problem);
    }

    public IReadOnlyList<PeriodicObligation> InState(string state) => View?.Obligations.Where(o => o.State == state).ToList() ?? [];

    public string NameOf(string unitId) => units.Find(unitId)?.Name ?? unitId;
}
