using System.ComponentModel.DataAnnotations;
using Humas.UseCases;
using Humas.ServiceDefaults.Problems;
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
    public sealed record Body([property: MaxLength(2000)] string? Url);

    public static void MapPublishEntry(this RouteGroupBuilder list) =>
        list.MapPost("/{entryId:guid}/publish", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithName("PublishEntry")
            .WithSummary("Publish an entry on the unit's list (officers of its unit; If-Match with its version)")
            .ProducesChange<EntryView>();

    public static Validation Validate(Body? body)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(body?.Url)) return errors;
        if (body.Url.Length > 2000) errors.Add("url", "field.too-long", "url", 2000);
        else errors.FailWhen(!Uri.TryCreate(body.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"), "url", "entry.url.invalid");
        return errors;
    }

    public static IReadOnlyList<object> Decide(InformationEntry entry, string? url, DateTimeOffset now) => entry.Status switch
    {
        EntryStatus.Withdrawn => throw Refusal.Conflict("entry.withdrawn"),
        EntryStatus.Published => throw Refusal.Conflict("entry.already-published"),
        _ when entry.Content.IsExempt => throw Refusal.Conflict("entry.exempt-not-publishable"),
        _ => [new InformationEntryPublished(entry.Id, entry.UnitId, entry.Content.Title, entry.Content.Category, now,
            string.IsNullOrWhiteSpace(url) ? null : url.Trim())],
    };

    private static async Task<IResult> HandleAsync(
        Guid entryId, Body? body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(body);
        errors.ThrowIfInvalid();
        return await EntryChanges.RunAsync(http, entryId, (entry, now) => Decide(entry, body?.Url, now));
    }
}
