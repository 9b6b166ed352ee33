using System.ComponentModel.DataAnnotations;
using Humas.UseCases;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.InformationList.WithdrawingEntry;

/// <summary>
/// Takes an entry off the list for good, with the reason (a draft that will not be used, a
/// document superseded, an exemption that lapsed). Its history stays in the log.
/// </summary>
public static class WithdrawEntry
{
    public sealed record Body([property: MaxLength(2000)] string? Reason);

    public static void MapWithdrawEntry(this RouteGroupBuilder list) =>
        list.MapPost("/{entryId:guid}/withdraw", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithName("WithdrawEntry")
            .WithSummary("Withdraw an entry from the list (officers of its unit; If-Match with its version)")
            .ProducesChange<EntryView>();

    public static Validation Validate(Body? body) => new Validation().Text(body?.Reason, "reason", 2000);

    public static IReadOnlyList<object> Decide(InformationEntry entry, string reason, DateTimeOffset now) =>
        entry.Status == EntryStatus.Withdrawn
            ? throw Refusal.Conflict("entry.already-withdrawn")
            : [new InformationEntryWithdrawn(entry.Id, reason.Trim(), now)];

    private static async Task<IResult> HandleAsync(
        Guid entryId, Body? body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(body);
        errors.ThrowIfInvalid();
        return await EntryChanges.RunAsync(http, entryId, (entry, now) => Decide(entry, body!.Reason!, now));
    }
}
