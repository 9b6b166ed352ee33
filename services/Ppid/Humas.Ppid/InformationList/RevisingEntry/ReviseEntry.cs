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
            .WithSummary("Revise an entry (officers of its unit; If-Match with its version)")
            .ProducesEntryChange();

    /// <summary>No events when nothing changes, so a repeated revision is harmless.</summary>
    public static IReadOnlyList<object> Decide(InformationEntry entry, EntryBody body)
    {
        if (entry.Status == EntryStatus.Withdrawn)
            throw new EntryChangeRefused("withdrawn", "Entri sudah ditarik dan tidak dapat diubah / a withdrawn entry cannot be revised.");
        if (body.UnitId is { } unitId && !string.Equals(unitId.Trim(), entry.UnitId, StringComparison.OrdinalIgnoreCase))
            throw new EntryChangeRefused("unit-cannot-change", $"Entri ini milik unit {entry.UnitId} / the entry belongs to {entry.UnitId}; its unit cannot change.");
        var content = body.ToContent();
        if (entry.Status == EntryStatus.Published && content.IsExempt)
            throw new EntryChangeRefused("published-cannot-become-exempt",
                "Informasi yang sudah dipublikasikan tidak dapat diubah menjadi dikecualikan; tarik entri ini dan catat entri dikecualikan baru / published information cannot be made exempt by a revision: withdraw it and draft an exempt entry.");
        if (entry.Status == EntryStatus.RecordedAsExempt && !content.IsExempt)
            throw new EntryChangeRefused("exempt-cannot-become-public",
                "Entri dikecualikan tidak dapat diubah menjadi informasi terbuka; tarik entri ini dan buat entri baru / an exempt entry cannot be revised into public information: withdraw it and draft a public entry.");
        return content.Equals(entry.Content) ? [] : [new InformationEntryRevised(entry.Id, content)];
    }

    private static async Task<IResult> HandleAsync(
        Guid entryId, EntryBody body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var errors = body.ValidateContent(clock.GetUtcNow().Year);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Entri tidak lengkap / The entry is incomplete");
        return await EntryEndpoints.ChangeAsync(entryId, http, user, store, units, entry => Decide(entry, body), ct);
    }
}
