using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Clarifications;

/// <summary>
/// The clarifications desk: the cases of the officer's unit and the units under it. Incoming
/// reports whose claim may repeat a published clarification come first, to confirm or reject the
/// suggested match; then every case by track (media team, official statement), the soonest
/// response target first, those past it flagged, and those that name a similar open case marked
/// (to merge or keep apart on the case's page).
/// </summary>
public sealed class IndexModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public static readonly string[] Statuses = ["open", "published", "resolved", "retracted", "merged"];
    public static readonly string[] Tracks = ["media-team", "official-statement"];

    public string Status { get; private set; } = "open";
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];
    public Problem? Problem { get; private set; }

    public string At(CaseRow row, DateTimeOffset at) => DeskTime.Show(units, row.UnitId, at);

    public IEnumerable<CaseRow> Suggested => Cases.Where(c => c.Status == "open" && c.SuggestedNumber is not null);

    public IEnumerable<CaseRow> OfTrack(string track) => Cases.Where(c => c.Track == track);

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = Statuses.Contains(status) ? status! : "open";
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        var result = await api.ListCasesAsync(own.Id, Status, ct);
        if (!result.Ok)
        {
            Problem = result.Problem;
            return;
        }
        Cases = result.Value!.Cases.OrderBy(c => c.Status == "open" ? c.DueAt : DateTimeOffset.MaxValue).ThenByDescending(c => c.OpenedAt).ToList();
    }
}
