using System.Globalization;
using Humas.Portal.Api;
using Humas.Portal.Pages.Console.Clarifications;
using Humas.ServiceDefaults.Texts;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>
/// One release as its unit's humas officers work on it: the preview as the service renders it,
/// and the forms its state allows — revise the draft (Markdown) and submit it for review, approve
/// it (another officer than its author) or send it back, publish it now, at a time or under an
/// embargo (times in the unit's zone), correct it with a note (a new version), withdraw it with a
/// notice. Each form names the version it was shown with; a refused form keeps what was typed.
/// </summary>
public sealed class ReleaseModel(ConsoleApi api, UnitDirectory units, TextCatalog texts) : ConsolePageModel
{
    private static readonly string[] Actions = ["drafted", "revised", "submit", "send-back", "approve", "publish", "correct", "withdraw"];

    public OfficerRelease Current { get; private set; } = null!;
    public IReadOnlyList<MediaSubject> Subjects { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty] public long Version { get; set; }
    [BindProperty] public ReleaseForm Release { get; set; } = new();
    [BindProperty] public ReleaseForm Correction { get; set; } = new();
    [BindProperty] public string? CorrectionNote { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? PublishAt { get; set; }
    [BindProperty] public string? EmbargoUntil { get; set; }
    [BindProperty] public string? Notice { get; set; }

    public string Zone => (units.Find(Current.UnitId)?.TimeZone ?? Humas.ReferenceData.IndonesianTimeZone.Wib).Abbreviation;

    public string At(DateTimeOffset at) => DeskTime.Show(units, Current.UnitId, at);

    public async Task<IActionResult> OnGetAsync(Guid releaseId, string? done, CancellationToken ct)
    {
        Done = Actions.Contains(done) ? done : null;
        return await ShowAsync(releaseId, ct);
    }

    public Task<IActionResult> OnPostReviseAsync(Guid releaseId, CancellationToken ct) => ChangeAsync(releaseId, "", Release.ToDraft(null), ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid releaseId, CancellationToken ct) => ChangeAsync(releaseId, "submit", null, ct);

    public Task<IActionResult> OnPostSendBackAsync(Guid releaseId, CancellationToken ct) => ChangeAsync(releaseId, "send-back", new { note = Note }, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid releaseId, CancellationToken ct) => ChangeAsync(releaseId, "approve", null, ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid releaseId, CancellationToken ct)
    {
        var found = await api.GetReleaseAsync(releaseId, ct);
        if (!found.Ok) return NotFound();
        var zone = (units.Find(found.Value!.UnitId)?.TimeZone ?? Humas.ReferenceData.IndonesianTimeZone.Wib).UtcOffset;
        var errors = new Dictionary<string, string[]>();
        var publishAt = Moment(PublishAt, zone, "publishAt", errors);
        var embargoUntil = Moment(EmbargoUntil, zone, "embargoUntil", errors);
        if (errors.Count > 0) return await RefusedAsync(new Problem(null, null, 400, null, errors), "publish", false, () => ShowAsync(releaseId, ct));
        return await ChangeAsync(releaseId, "publish", new { publishAt, embargoUntil }, ct);
    }

    public Task<IActionResult> OnPostCorrectAsync(Guid releaseId, CancellationToken ct) => ChangeAsync(releaseId, "correct", Correction.ToCorrection(CorrectionNote), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid releaseId, CancellationToken ct) => ChangeAsync(releaseId, "withdraw", new { notice = Notice }, ct);

    /// <summary>A time typed in the unit's zone (an input of type datetime-local), or null when left empty.</summary>
    private DateTimeOffset? Moment(string? typed, TimeSpan offset, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(typed.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, offset).ToUniversalTime();
        errors[field] = [texts["console.media.bad-time"]];
        return null;
    }

    private async Task<IActionResult> ChangeAsync(Guid releaseId, string action, object? body, CancellationToken ct)
    {
        var result = await api.ChangeReleaseAsync(releaseId, action, Version, body, ct);
        if (result.Ok) return Redirect($"/console/media/{releaseId}?done={(action == "" ? "revised" : action)}");
        return await RefusedAsync(result, action == "" ? "revised" : action, () => ShowAsync(releaseId, ct));
    }

    private async Task<IActionResult> ShowAsync(Guid releaseId, CancellationToken ct)
    {
        var found = await api.GetReleaseAsync(releaseId, ct);
        // A release the officer may not work on comes back as its public view (no author): not this desk's.
        if (!found.Ok || found.Value!.Author is null) return Unreadable(found.Problem);
        Current = found.Value!;
        if ((await api.ListSubjectsAsync(ct)) is { Ok: true } subjects) Subjects = subjects.Value!;
        if (RefusedForm != "revised") Release = ReleaseForm.From(Current);
        if (RefusedForm != "correct") Correction = ReleaseForm.From(Current);
        return Page();
    }

    public Func<string, IReadOnlyList<string>> ErrorsFor(string action) => field => ErrorsOf(action, field);
}
