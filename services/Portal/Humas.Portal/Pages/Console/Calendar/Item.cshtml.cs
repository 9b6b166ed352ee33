using System.Globalization;
using Humas.Portal.Api;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Humas.Portal.Pages.Console.Calendar.CalendarChoices;

namespace Humas.Portal.Pages.Console.Calendar;

/// <summary>
/// One planned item of the calendar as its unit's humas officer works on it: its fields edited in
/// place, a new time (or back to the unscheduled pool), its status changed, and its history. Every
/// form names the version it was shown with; when someone else changed the item first the page
/// says so and shows the item as it now is. A refused form keeps what was typed, with the
/// service's message next to the field.
/// </summary>
public sealed class ItemModel(ConsoleApi api, UnitDirectory units, TextCatalog texts) : ConsolePageModel
{
    public CalendarItem Current { get; private set; } = null!;
    public IReadOnlyList<CalendarHistoryEntry> History { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>Which form was sent ("edit", "reschedule", "status"): only its fields show the refusal.</summary>
    public string? Posted { get; private set; }

    [BindProperty] public EditForm Edit { get; set; } = new();
    [BindProperty] public RescheduleForm Reschedule { get; set; } = new();
    [BindProperty] public StatusForm Status { get; set; } = new();

    public bool IsFinal => Current.Status is "published" or "cancelled";

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "planned" or "edited" or "rescheduled" or "status" ? done : null;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct)
    {
        Posted = "edit";
        var body = new CalendarContentBody(Edit.Title, Edit.Kind, Picked(Edit.Channels, CalendarChoices.Channels), Text(Edit.Owner), Text(Edit.Notes), Text(Edit.Visibility));
        var result = await api.EditCalendarItemAsync(id, Edit.Version, body, ct);
        return result.Ok ? Redirect($"/console/calendar/items/{id}?done=edited") : await RefusedAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken ct)
    {
        Posted = "reschedule";
        if (!Reschedule.ToPool && Text(Reschedule.PlannedAt) is null)
            return await RefusedAsync(id, FieldRefused<CalendarItem>("plannedAt", texts["console.calendar.planned-at.required"]), ct);
        var body = new CalendarRescheduleBody(Reschedule.ToPool ? null : Text(Reschedule.PlannedAt), Text(Reschedule.Reason));
        var result = await api.RescheduleCalendarItemAsync(id, Reschedule.Version, body, ct);
        return result.Ok ? Redirect($"/console/calendar/items/{id}?done=rescheduled") : await RefusedAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct)
    {
        Posted = "status";
        var body = new CalendarStatusBody(Text(Status.Status), Text(Status.Reason), Text(Status.Url));
        var result = await api.ChangeCalendarItemStatusAsync(id, Status.Version, body, ct);
        return result.Ok ? Redirect($"/console/calendar/items/{id}?done=status") : await RefusedAsync(id, result, ct);
    }

    private Task<IActionResult> RefusedAsync<T>(Guid id, ApiResult<T> result, CancellationToken ct) => RefusedAsync(result, Posted, () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var item = await api.GetCalendarItemAsync(id, ct);
        if (!item.Ok) return Unreadable(item.Problem);
        // A public item of another unit is readable by anyone; the desk shows only the officer's own units' items.
        if (OfficerUnit is null || !units.Oversees(OfficerUnit, item.Value!.UnitId)) return NotFound();
        Current = item.Value;
        var history = await api.GetCalendarItemHistoryAsync(id, ct);
        History = history.Ok ? history.Value! : [];
        if (Posted != "edit")
            Edit = new EditForm
            {
                Title = Current.Title, Kind = Current.Kind, Channels = [.. Current.Channels], Owner = Current.Owner, Notes = Current.Notes, Visibility = Current.Visibility,
            };
        if (Posted != "reschedule") Reschedule = new RescheduleForm { PlannedAt = Current.PlannedAt?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) };
        if (Posted != "status") Status = new StatusForm();
        return Page();
    }

    public sealed class EditForm : ContentForm
    {
        public long Version { get; set; }
    }

    public sealed class RescheduleForm
    {
        public long Version { get; set; }
        public string? PlannedAt { get; set; }
        public string? Reason { get; set; }
        public bool ToPool { get; set; }
    }

    public sealed class StatusForm
    {
        public long Version { get; set; }
        public string? Status { get; set; }
        public string? Reason { get; set; }
        public string? Url { get; set; }
    }
}
