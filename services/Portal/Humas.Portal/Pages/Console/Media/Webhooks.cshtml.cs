using Humas.Portal.Api;
using Humas.Portal.Pages.Console.Clarifications;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>
/// The webhook subscribers among the unit's journalists, with their deliveries counted; one
/// subscriber's delivery log with its attempts; the dead deliveries of the unit, each sent again
/// on request (the service gives it a fresh set of attempts), or all of one subscriber's at once. No
/// subscriber's address or secret is shown.
/// </summary>
public sealed class WebhooksModel(ConsoleApi api, UnitDirectory units) : ConsolePageModel
{
    public IReadOnlyList<WebhookSubscriber> Subscribers { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<DeadDelivery> Dead { get; private set; } = [];
    public Guid? Shown { get; private set; }
    public IReadOnlyList<WebhookDelivery> Log { get; private set; } = [];
    public Problem? Problem { get; private set; }
    public bool Replayed { get; private set; }

    /// <summary>How many dead deliveries of one subscription the last replay of all of them sent again.</summary>
    public int? ReplayedOfSubscription { get; private set; }

    [BindProperty] public Guid DeliveryId { get; set; }
    [BindProperty] public Guid SubscriptionId { get; set; }

    public string At(DateTimeOffset at) => DeskTime.Show(units, OfficerUnit ?? "", at);

    public string NameOf(Guid journalistId) => Names.GetValueOrDefault(journalistId) ?? journalistId.ToString()[..8];

    public async Task OnGetAsync(Guid? subscription, string? done, int? count, CancellationToken ct)
    {
        Replayed = done == "replayed";
        ReplayedOfSubscription = done == "replayed-all" ? Math.Max(count ?? 0, 0) : null;
        await LoadAsync(subscription, ct);
    }

    public async Task<IActionResult> OnPostReplayAsync(CancellationToken ct)
    {
        var result = await api.ReplayDeliveryAsync(DeliveryId, ct);
        if (result.Ok) return Redirect("/console/media/webhooks?done=replayed");
        Refuse(result);
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAllAsync(CancellationToken ct)
    {
        var result = await api.ReplaySubscriptionAsync(SubscriptionId, ct);
        if (result.Ok) return Redirect($"/console/media/webhooks?subscription={SubscriptionId}&done=replayed-all&count={result.Value!.Replayed.Count}");
        Refuse(result);
        await LoadAsync(SubscriptionId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid? subscription, CancellationToken ct)
    {
        var own = OfficerUnit is null ? null : units.Find(OfficerUnit);
        if (own is null)
        {
            Problem = new Problem(null, null, 403, null, null);
            return;
        }
        var subscribers = await api.ListSubscribersAsync(own.Id, ct);
        if (!subscribers.Ok)
        {
            Problem = subscribers.Problem;
            return;
        }
        Subscribers = subscribers.Value!;
        if ((await api.ListJournalistsAsync(own.Id, ct)) is { Ok: true } journalists)
            Names = journalists.Value!.ToDictionary(j => j.JournalistId, j => $"{j.FullName ?? "-"} ({j.Outlet})");
        if ((await api.ListDeadDeliveriesAsync(own.Id, ct)) is { Ok: true } dead) Dead = dead.Value!;
        if (subscription is { } id && Subscribers.Any(s => s.SubscriptionId == id) && (await api.ListDeliveriesAsync(id, ct)) is { Ok: true } log)
        {
            Shown = id;
            Log = log.Value!;
        }
    }
}
