using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.InformationList.PublishingEntry;

/// <summary>
/// Puts a public (berkala, serta-merta or setiap-saat) entry on the unit's list, optionally with
/// the address of the document. Exempt information is never published: it is recorded as
/// exempt instead (see RecordExemption), and its document stays withheld.
/// </summary>
public static class PublishEntry
{
    public sealed record Body(string? Url);

    public static void MapPublishEntry(this RouteGroupBuilder list) =>
        list.MapPost("/{entryId:guid}/publish", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithSummary("Publish an entry on the unit's list (officers of its unit; If-Match with its version)")
            .ProducesEntryChange();

    public static Dictionary<string, string[]> Validate(Body? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Url)) return errors;
        if (body.Url.Length > 2000) errors["url"] = ["Alamat dokumen paling banyak 2000 karakter / url is limited to 2000 characters."];
        else if (!Uri.TryCreate(body.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            errors["url"] = ["Alamat dokumen harus berupa URL http(s) lengkap / url must be an absolute http(s) address."];
        return errors;
    }

    public static IReadOnlyList<object> Decide(InformationEntry entry, string? url, DateTimeOffset now) => entry.Status switch
    {
        EntryStatus.Withdrawn => throw new EntryChangeRefused("withdrawn", "Entri sudah ditarik / a withdrawn entry cannot be published."),
        EntryStatus.Published => throw new EntryChangeRefused("already-published", "Entri sudah dipublikasikan / the entry is already published."),
        _ when entry.Content.IsExempt => throw new EntryChangeRefused("exempt-not-publishable",
            "Informasi yang dikecualikan tidak dipublikasikan; catat sebagai dikecualikan / exempt information is not published: record it as exempt."),
        _ => [new InformationEntryPublished(entry.Id, entry.UnitId, entry.Content.Title, entry.Content.Category, now,
            string.IsNullOrWhiteSpace(url) ? null : url.Trim())],
    };

    private static async Task<IResult> HandleAsync(
        Guid entryId, Body? body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Permintaan tidak valid / Invalid request");
        return await EntryEndpoints.ChangeAsync(entryId, http, user, store, units, entry => Decide(entry, body?.Url, clock.GetUtcNow()), ct);
    }
}
