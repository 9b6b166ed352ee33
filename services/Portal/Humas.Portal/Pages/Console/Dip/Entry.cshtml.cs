using Humas.Portal.Api;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Dip;

/// <summary>
/// One entry of the list as its unit's officers keep it, with the changes its state allows, each
/// a form naming the version it was shown with (If-Match): revise (not once withdrawn), publish
/// a public draft with the address of its document, record an exempt draft as exempt with its
/// Pasal 17 ground, withdraw with the reason. If someone else changed the entry first, nothing is
/// overwritten and the page says so with the entry as it now stands; a refused form keeps what
/// was typed, with the problem next to the field.
/// </summary>
public sealed class EntryModel(ConsoleApi api, UnitDirectory units) : DipPageModel(units)
{
    private static readonly string[] DoneMessages = ["drafted", "revised", "published", "recorded", "withdrawn"];

    public DipEntryView Current { get; private set; } = null!;
    public string? Done { get; private set; }

    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? DocumentUrl { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public bool Exempt => Current.Category == "dikecualikan";
    public bool CanRevise => Current.Status != "withdrawn";
    public bool CanPublish => Current.Status == "draft" && !Exempt;
    public bool CanRecordExemption => Current.Status == "draft" && Exempt;
    public bool CanWithdraw => Current.Status != "withdrawn";

    public async Task<IActionResult> OnGetAsync(Guid entryId, string? done, CancellationToken ct)
    {
        Done = DoneMessages.Contains(done) ? done : null;
        var shown = await ShowAsync(entryId, ct);
        if (Current is not null) Entry = DipEntryForm.Of(Current);
        return shown;
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid entryId, CancellationToken ct) =>
        await AfterAsync(entryId, "revised", await api.ReviseDipEntryAsync(entryId, Entry.Version, Entry.ToBody(null), ct), keepEntry: true, ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid entryId, CancellationToken ct) =>
        await AfterAsync(entryId, "published", await api.PublishDipEntryAsync(entryId, Version, string.IsNullOrWhiteSpace(DocumentUrl) ? null : DocumentUrl.Trim(), ct), keepEntry: false, ct);

    public async Task<IActionResult> OnPostRecordExemptionAsync(Guid entryId, CancellationToken ct) =>
        await AfterAsync(entryId, "recorded", await api.RecordDipExemptionAsync(entryId, Version, ct), keepEntry: false, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid entryId, CancellationToken ct) =>
        await AfterAsync(entryId, "withdrawn", await api.WithdrawDipEntryAsync(entryId, Version, Reason, ct), keepEntry: false, ct);

    /// <summary>A change done goes back to the entry's page (so a reload sends nothing again); a refused one shows the page with what was typed.</summary>
    private async Task<IActionResult> AfterAsync(Guid entryId, string done, ApiResult<DipEntryView> result, bool keepEntry, CancellationToken ct)
    {
        if (result.Ok) return Redirect($"/console/dip/{entryId}?done={done}");
        return await RefusedAsync(result, null, async () =>
        {
            var shown = await ShowAsync(entryId, ct);
            if (shown is not PageResult) return shown;
            // The revision form keeps what was typed, now naming the version shown above it, to send again after a look.
            if (keepEntry) Entry.Version = Current.Version;
            else Entry = DipEntryForm.Of(Current);
            return shown;
        });
    }

    private async Task<IActionResult> ShowAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await api.GetDipEntryAsync(entryId, ct);
        if (!entry.Ok) return Unreadable(entry.Problem);
        Current = entry.Value!;
        return Page();
    }
}
