using Humas.UseCases;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.InformationList.RevisingEntry;

/// <summary>
/// Replaces an entry's content (PUT, with If-Match). A listed entry stays on its side of the
/// line between public and exempt: information already released cannot be made exempt by a
/// revision, and exempt information is opened up by withdrawing the exempt entry and drafting
/// a public one (an exemption is not permanent, UU 14/2008 Pasal 20), so the list keeps both.
/// </summary>
public static class ReviseEntry
{
    public static void MapReviseEntry(this RouteGroupBuilder list) =>
        list.MapPut("/{entryId:guid}", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithName("ReviseEntry")
            .WithSummary("Revise an entry (officers of its unit; If-Match with its version)")
            .ProducesChange<EntryView>();

    /// <summary>No events when nothing changes, so a repeated revision is harmless.</summary>
    public static IReadOnlyList<object> Decide(InformationEntry entry, EntryBody body)
    {
        if (entry.Status == EntryStatus.Withdrawn)
            throw Refusal.Conflict("entry.withdrawn");
        if (body.UnitId is { } unitId && !string.Equals(unitId.Trim(), entry.UnitId, StringComparison.OrdinalIgnoreCase))
            throw Refusal.Conflict("entry.unit-cannot-change", entry.UnitId);
        var content = body.ToContent();
        if (entry.Status == EntryStatus.Published && content.IsExempt)
            throw Refusal.Conflict("entry.published-cannot-become-exempt");
        if (entry.Status == EntryStatus.RecordedAsExempt && !content.IsExempt)
            throw Refusal.Conflict("entry.exempt-cannot-become-public");
        return content.Equals(entry.Content) ? [] : [new InformationEntryRevised(entry.Id, content)];
    }

    private static async Task<IResult> HandleAsync(
        Guid entryId, EntryBody body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        body.ValidateContent(clock.GetUtcNow().Year).ThrowIfInvalid();
        return await EntryChanges.RunAsync(http, entryId, (entry, _) => Decide(entry, body));
    }
}
