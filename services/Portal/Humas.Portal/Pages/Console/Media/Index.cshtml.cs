using Humas.Portal.Api;
using Humas.Portal.Pages.Console.Clarifications;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>
/// The newsroom desk: the releases of the officer's unit and the units under it by where they
/// stand — drafts, in review (and approved, waiting to be published), scheduled or under embargo,
/// published, withdrawn — the latest changed first.
/// </summary>
public sealed class IndexModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public static readonly string[] States = ["drafts", "review", "scheduled", "published", "withdrawn"];

    public string State { get; private set; } = "drafts";
    public IReadOnlyList<ReleaseSummary> Releases { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public Problem? Problem { get; private set; }

    public string At(ReleaseSummary release, DateTimeOffset at) => DeskTime.Show(units, release.UnitId, at);

    /// <summary>Which list a release belongs to.</summary>
    public static string StateOf(ReleaseSummary release) => release.Status switch
    {
        "draft" => "drafts",
        "in-review" or "approved" => "review",
        "scheduled" => "scheduled",
        "published" when release.UnderEmbargo => "scheduled",
        "published" => "published",
        _ => "withdrawn",
    };

    public async Task OnGetAsync(string? state, CancellationToken ct)
    {
        State = States.Contains(state) ? state! : "drafts";
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        var result = await api.ListReleasesAsync(own.Id, ct);
        if (!result.Ok)
        {
            Problem = result.Problem;
            return;
        }
        Counts = result.Value!.GroupBy(StateOf).ToDictionary(g => g.Key, g => g.Count());
        Releases = result.Value!.Where(r => StateOf(r) == State).ToList();
    }
}
