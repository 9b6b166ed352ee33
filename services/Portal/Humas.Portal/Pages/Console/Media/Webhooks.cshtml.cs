using Humas.Portal.Api;
using Humas.Portal.Pages.Console.Clarifications;
using Humas.ReferenceData;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Portal.Pages.Console.Media;

/// <summary>
/// The webhook subscribers among the unit's journalists, with their deliveries counted; one
/// subscriber's delivery log with its attempts; the dead deliveries of the unit, each sent again
/// on request (the service gives it a fresh set of attempts). No subscriber's address or secret is shown.
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

    [BindProperty] public Guid DeliveryId { get; set; }

    public string At(DateTimeOffset at) => DeskTime.Show(units, OfficerUnit ?? "", at);

    public string NameOf(Guid journalistId) => Names.GetValueOrDefault(journalistId) ?? journalistId.ToString()[..8];

    public async Task OnGetAsync(Guid? subscription, string? done, CancellationToken ct)
    {
        Replayed = done == "replayed";
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
