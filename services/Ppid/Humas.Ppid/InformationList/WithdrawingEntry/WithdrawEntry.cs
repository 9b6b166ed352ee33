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
    public sealed record Body(string? Reason);

    public static void MapWithdrawEntry(this RouteGroupBuilder list) =>
        list.MapPost("/{entryId:guid}/withdraw", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithSummary("Withdraw an entry from the list (officers of its unit; If-Match with its version)")
            .ProducesEntryChange();

    public static Dictionary<string, string[]> Validate(Body? body)
    {
        var errors = new Dictionary<string, string[]>();
        EntryBody.Text(body?.Reason, "reason", 2000, (field, message) => errors[field] = [message], "Alasan penarikan");
        return errors;
    }

    public static IReadOnlyList<object> Decide(InformationEntry entry, string reason, DateTimeOffset now) =>
        entry.Status == EntryStatus.Withdrawn
            ? throw new EntryChangeRefused("already-withdrawn", "Entri sudah ditarik / the entry is already withdrawn.")
            : [new InformationEntryWithdrawn(entry.Id, reason.Trim(), now)];

    private static async Task<IResult> HandleAsync(
        Guid entryId, Body? body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Permintaan tidak valid / Invalid request");
        return await EntryEndpoints.ChangeAsync(entryId, http, user, store, units, entry => Decide(entry, body!.Reason!, clock.GetUtcNow()), ct);
    }
}
