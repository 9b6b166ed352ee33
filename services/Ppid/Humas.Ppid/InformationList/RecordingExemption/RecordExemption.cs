using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.InformationList.RecordingExemption;

/// <summary>
/// Puts an exempt (dikecualikan) entry on the unit's list once the PPID has settled its
/// exemption. The public then sees what is withheld, on which Pasal 17 ground and with which
/// consequence test (UU 14/2008 Pasal 2(4)); never the document.
/// </summary>
public static class RecordExemption
{
    public static void MapRecordExemption(this RouteGroupBuilder list) =>
        list.MapPost("/{entryId:guid}/record-exemption", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithSummary("List an exempt entry with its exemption (officers of its unit; If-Match with its version)")
            .ProducesEntryChange();

    public static IReadOnlyList<object> Decide(InformationEntry entry, DateTimeOffset now) => entry.Status switch
    {
        EntryStatus.Withdrawn => throw new EntryChangeRefused("withdrawn", "Entri sudah ditarik / a withdrawn entry cannot be recorded."),
        EntryStatus.RecordedAsExempt => throw new EntryChangeRefused("already-recorded", "Entri sudah dicatat sebagai dikecualikan / the entry is already recorded as exempt."),
        _ when !entry.Content.IsExempt => throw new EntryChangeRefused("not-exempt",
            "Hanya informasi dikecualikan yang dicatat; informasi lain dipublikasikan / only exempt information is recorded: publish this entry instead."),
        _ => [new InformationEntryRecordedAsExempt(entry.Id, entry.UnitId, now)],
    };

    private static Task<IResult> HandleAsync(
        Guid entryId, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct) =>
        EntryEndpoints.ChangeAsync(entryId, http, user, store, units, entry => Decide(entry, clock.GetUtcNow()), ct);
}
