using Humas.Portal.Api;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>A new press release of the officer's unit, drafted from a form without script; a refused form keeps what was typed, with the problem by the field.</summary>
public sealed class NewModel(ConsoleApi api) : ConsolePageModel
{
    [BindProperty] public ReleaseForm Release { get; set; } = new();

    /// <summary>One key a form shown, so a form sent twice drafts one release.</summary>
    [BindProperty] public string? Key { get; set; }

    public IReadOnlyList<MediaSubject> Subjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Key = Guid.NewGuid().ToString("N");
        await LoadSubjectsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Guid.TryParseExact(Key, "N", out _)) Key = Guid.NewGuid().ToString("N");
        var result = await api.DraftReleaseAsync(Release.ToDraft(OfficerUnit), Key!, ct);
        if (result.Ok) return Redirect($"/console/media/{result.Value!.ReleaseId}?done=drafted");
        Refuse(result);
        await LoadSubjectsAsync(ct);
        return Page();
    }

    private async Task LoadSubjectsAsync(CancellationToken ct)
    {
        if ((await api.ListSubjectsAsync(ct)) is { Ok: true } subjects) Subjects = subjects.Value!;
    }
}
