using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>
/// The PPID inbox: the requests of the officer's unit and the units under it, the soonest due
/// first. Overdue ones and those due within three working days (the unit's calendar, holidays
/// included) stand out. Filters: status (open ones by default), unit, channel. The requester's
/// name and address are in the register but not shown here.
/// </summary>
public sealed class IndexModel(ConsoleApi api, UnitDirectory units, TimeProvider clock) : ConsolePageModel
{
    public const int DueSoonWorkingDays = 3;

    public static readonly string[] Statuses = ["open", "registered", "awaiting-clarification", "answered", "referred", "withdrawn", "all"];
    public static readonly string[] Channels = ["online", "walk-in", "post"];
    private static readonly string[] OpenStatuses = ["registered", "awaiting-clarification"];

    public string Status { get; private set; } = "open";
    public string? UnitFilter { get; private set; }
    public string? Channel { get; private set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<RegisterEntry> Requests { get; private set; } = [];
    public Problem? Problem { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly DueSoonUntil { get; private set; }

    /// <summary>A request this officer just routed beyond their units, and the unit it went to.</summary>
    public (string Number, string Unit)? Routed { get; private set; }

    public async Task OnGetAsync(string? status, string? unit, string? channel, string? routed, string? to, CancellationToken ct)
    {
        if (routed is not null && to is not null && units.Find(to) is { } target) Routed = (routed, target.Name);
        Status = Statuses.Contains(status) ? status! : "open";
        Channel = Channels.Contains(channel) ? channel : null;
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        Units = units.Below(own.Id).ToList();
        var chosen = unit is null ? null : Units.FirstOrDefault(u => u.Id == unit);
        UnitFilter = chosen?.Id;
        var zone = (chosen ?? own).TimeZone;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(zone.UtcOffset).DateTime);

        string?[] asked = Status == "open" ? [.. OpenStatuses] : Status == "all" ? [null] : [Status];
        var found = new List<RegisterEntry>();
        foreach (var one in asked)
        {
            var result = await api.ListRegisterAsync((chosen ?? own).Id, one, ct);
            if (!result.Ok)
            {
                Problem = result.Problem;
                return;
            }
            found.AddRange(result.Value!);
        }
        Requests = found.Where(r => Channel is null || r.Channel == Channel)
            .OrderBy(r => r.DueDate).ThenBy(r => r.ReceivedAt).ToList();
        var days = await api.GetWorkingDaysFromAsync((chosen ?? own).Id, Today, ct);
        DueSoonUntil = days.Ok ? NthWorkingDay(Today, DueSoonWorkingDays, days.Value!.SkippedDays.Select(d => d.Date).ToHashSet()) : Today.AddDays(DueSoonWorkingDays);
    }

    /// <summary>The <paramref name="n"/>th working day after <paramref name="from"/>, skipping the days the unit's calendar does not work.</summary>
    public static DateOnly NthWorkingDay(DateOnly from, int n, IReadOnlySet<DateOnly> nonWorking)
    {
        var day = from;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (!nonWorking.Contains(day)) counted++;
        }
        return day;
    }

    public static bool IsOpen(RegisterEntry r) => OpenStatuses.Contains(r.Status);

    /// <summary>"overdue", "due-soon" or null: how urgent an open request is today.</summary>
    public string? Urgency(RegisterEntry r) =>
        !IsOpen(r) ? null
        : r.Overdue || r.DueDate < Today ? "overdue"
        : r.DueDate <= DueSoonUntil ? "due-soon"
        : null;
}
