using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console;

/// <summary>The console's start: who is signed in, for which unit, and the desks.</summary>
public sealed class IndexModel(UnitDirectory units) : ConsolePageModel
{
    public Unit? Unit { get; private set; }

    public void OnGet() => Unit = OfficerUnit is null ? null : units.Find(OfficerUnit);
}
