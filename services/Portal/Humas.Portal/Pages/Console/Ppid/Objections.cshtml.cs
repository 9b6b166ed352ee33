using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// The objection register of the officer's unit and the units under it (Pasal 35–36), newest
/// first: each objection's request, grounds, when it was filed, the atasan PPID's decision due
/// date and its state; undecided ones past their due date stand out. Filter: the state.
/// </summary>
public sealed class ObjectionsModel(ConsoleApi api, UnitDirectory units, TimeProvider clock) : ConsolePageModel
{
    public static readonly string[] Statuses = ["filed", "decided", "all"];

    public string Status { get; private set; } = "filed";
    public IReadOnlyList<ObjectionEntry> Objections { get; private set; } = [];
    public Problem? Problem { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = Statuses.Contains(status) ? status! : "filed";
        if (OfficerUnit is null || units.Find(OfficerUnit) is not { } own)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        Today = TodayAt(own, clock.GetUtcNow());
        var result = await api.ListObjectionsAsync(own.Id, Status == "all" ? null : Status, ct);
        if (result.Ok) Objections = result.Value!;
        else Problem = result.Problem;
    }

    public bool IsOverdue(ObjectionEntry o) => o.Status == "filed" && o.DecisionDueDate < Today;
}
