using System.Globalization;
using Humas.Portal.Api;
using Humas.Portal.Pages.Ppid;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// An officer records a request received at the PPID desk or by letter (UU 14/2008 Pasal 22):
/// the receiving unit (theirs or one under it), the channel, and the day and time it was received
/// in the unit's local time, from which Ppid counts the due date. The answer to the POST shows the
/// registration number and the access code to hand to the requester, once. The form carries an
/// Idempotency-Key made when it was shown, so a second tap records nothing new.
/// </summary>
public sealed class NewModel(ConsoleApi api, UnitDirectory units, TextCatalog texts) : ConsolePageModel
{
    public static readonly string[] DeskChannels = ["walk-in", "post"];
    public static readonly string[] ObtainMethods = ["see", "read", "listen", "copy"];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    [BindProperty] public DeskForm Form { get; set; } = new();

    public DeskRequestRegistered? Registered { get; private set; }

    public void OnGet()
    {
        Units = OwnUnits();
        Form = new DeskForm { Key = Guid.NewGuid().ToString(), Type = "individual", Channel = "walk-in", UnitId = OfficerUnit };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Units = OwnUnits();
        if (!Guid.TryParse(Form.Key, out _)) Form.Key = Guid.NewGuid().ToString();
        if (!TryReadReceivedAt(out var receivedAt))
            return ShowRefusal(new Problem(null, null, 400, "field.invalid", new() { ["receivedAt"] = [texts["console.ppid.new.received-invalid"]] }));

        var body = new DeskRequestBody(Empty(Form.UnitId), Empty(Form.Channel), receivedAt, Form.Requester(), Form.InformationRequested, Form.Purpose, Form.ObtainBy?.Where(ObtainMethods.Contains).ToList(), Empty(Form.DeliveryBy));
        var result = await api.RegisterAtDeskAsync(body, Form.Key, ct);
        if (!result.Ok) return ShowRefusal(result.Problem);
        Registered = result.Value;
        return Page();
    }

    private PageResult ShowRefusal(Problem? problem)
    {
        Refuse(problem);
        return Page();
    }

    /// <summary>The day and time as the receiving unit's clock showed them; both empty means now (the service's clock).</summary>
    private bool TryReadReceivedAt(out DateTimeOffset? receivedAt)
    {
        receivedAt = null;
        if (string.IsNullOrWhiteSpace(Form.ReceivedDate) && string.IsNullOrWhiteSpace(Form.ReceivedTime)) return true;
        if (!DateOnly.TryParseExact(Form.ReceivedDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        var time = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(Form.ReceivedTime)
            && !TimeOnly.TryParseExact(Form.ReceivedTime.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time)) return false;
        var zone = (units.Find(Form.UnitId ?? "") ?? units.Find(OfficerUnit ?? ""))?.TimeZone;
        if (zone is null) return true; // the service names the unknown unit
        receivedAt = new DateTimeOffset(day.ToDateTime(time), zone.UtcOffset);
        return true;
    }

    private IReadOnlyList<Unit> OwnUnits() => OfficerUnit is null ? [] : units.Below(OfficerUnit).ToList();

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class DeskForm : RequesterForm
    {
        public string? Key { get; set; }
        public string? UnitId { get; set; }
        public string? Channel { get; set; }
        public string? ReceivedDate { get; set; }
        public string? ReceivedTime { get; set; }
        public string? InformationRequested { get; set; }
        public string? Purpose { get; set; }
        public List<string>? ObtainBy { get; set; }
        public string? DeliveryBy { get; set; }
    }
}
