using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Dip;

/// <summary>
/// Drafting a new entry of a unit's list. The draft is not public until it is published (or,
/// exempt, recorded as exempt) from its page. A refused form keeps what was typed, with the
/// service's problem next to each field; the form's key makes a form sent twice draft once.
/// </summary>
public sealed class NewModel(ConsoleApi api, UnitDirectory units) : DipPageModel(units)
{
    public Unit? Unit { get; private set; }

    public IActionResult OnGet(string? unit)
    {
        Unit = UnitOf(unit);
        if (Unit is null) return Redirect("/console/dip");
        Entry = new DipEntryForm { UnitId = Unit.Id, Key = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Unit = UnitOf(Entry.UnitId);
        if (Unit is null) return Redirect("/console/dip");
        Entry.Key ??= Guid.NewGuid().ToString("N");
        var result = await api.DraftDipEntryAsync(Entry.ToBody(Entry.UnitId), Entry.Key, ct);
        if (result.Ok) return Redirect($"/console/dip/{result.Value!.EntryId}?done=drafted");
        Refuse(result);
        return Page();
    }
}
