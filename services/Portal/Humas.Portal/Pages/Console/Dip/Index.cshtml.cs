using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Dip;

/// <summary>
/// The DIP desk: every entry of the unit's list of public information in every state (drafts and
/// withdrawn ones too), by category and state, each leading to its page where it is revised,
/// published, recorded as exempt or withdrawn; and the way to draft a new one.
/// </summary>
public sealed class IndexModel(ConsoleApi api, UnitDirectory units) : DipPageModel(units)
{
    public Unit? Unit { get; private set; }
    public string? Category { get; private set; }
    public string? Status { get; private set; }
    public IReadOnlyList<DipEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? unit, string? category, string? status, CancellationToken ct)
    {
        Category = Categories.Contains(category) ? category : null;
        Status = Statuses.Contains(status) ? status : null;
        Unit = UnitOf(unit);
        if (Unit is null)
        {
            Refuse(new Problem(null, null, 403, null, null));
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var result = await api.ListDipAsync(Unit.Id, Category, Status, ct);
        if (result.Ok) Entries = result.Value!;
        else Refuse(result);
    }
}
