using Humas.UseCases;
using Humas.ServiceDefaults.Problems;
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
            .WithName("RecordExemption")
            .WithSummary("List an exempt entry with its exemption (officers of its unit; If-Match with its version)")
            .ProducesChange<EntryView>();

    public static IReadOnlyList<object> Decide(InformationEntry entry, DateTimeOffset now) => entry.Status switch
    {
        EntryStatus.Withdrawn => throw Refusal.Conflict("entry.withdrawn"),
        EntryStatus.RecordedAsExempt => throw Refusal.Conflict("entry.already-recorded"),
        _ when !entry.Content.IsExempt => throw Refusal.Conflict("entry.not-exempt"),
        _ => [new InformationEntryRecordedAsExempt(entry.Id, entry.UnitId, now)],
    };

    private static Task<IResult> HandleAsync(
        Guid entryId, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct) =>
        EntryChanges.RunAsync(http, entryId, Decide);
}
