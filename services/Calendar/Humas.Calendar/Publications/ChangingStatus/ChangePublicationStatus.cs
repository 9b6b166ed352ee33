using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;

namespace Humas.Calendar.Publications.ChangingStatus;

/// <summary>
/// Changes a planned item's status straight from the calendar: planned → in progress →
/// published | missed | cancelled. A missed item may still be published (it counts as late) or
/// cancelled; published and cancelled are final.
/// </summary>
public static class ChangePublicationStatus
{
    public sealed record Body(PublicationStatus? Status, [property: MaxLength(2000)] string? Reason, [property: MaxLength(2000)] string? Url);

    public static IReadOnlyList<object> Decide(Publication p, Body body, PublicationContext context)
    {
        var to = body.Status ?? throw Refusal.Invalid("status", "field.required", "status");
        if (to == PublicationStatus.Planned) throw Refusal.Invalid("status", "publication.status.not-a-target");
        if (p.Status == to) throw Refusal.Conflict("publication.status.already", KebabNames.Of(to));
        if (p.Status is PublicationStatus.Published or PublicationStatus.Cancelled) throw Refusal.Conflict("publication.status.final", KebabNames.Of(p.Status));
        return to switch
        {
            PublicationStatus.InProgress when p.Status == PublicationStatus.Planned => [new PublicationStarted(context.Now)],
            PublicationStatus.Published => [new PublicationPublished(context.Now, Url(body.Url), Publication.IsLate(p.PlannedAt, context.Now, context.Zone), "calendar")],
            PublicationStatus.Missed when p.IsOpen => [new PublicationMissed(context.Now, BySystem: false)],
            PublicationStatus.Cancelled => [new PublicationCancelled(context.Now, Reason(body.Reason), Skipped: false)],
            _ => throw Refusal.Conflict("publication.status.not-allowed", KebabNames.Of(p.Status), KebabNames.Of(to)),
        };
    }

    public static Validation Validate(Body body)
    {
        var errors = new Validation().Text(body.Reason, "reason", 2000, required: false);
        if (body.Status is null) errors.Add("status", "field.required", "status");
        if (!string.IsNullOrWhiteSpace(body.Url))
            errors.FailWhen(body.Url.Length > 2000 || !Uri.TryCreate(body.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"),
                "url", "publication.url.invalid");
        return errors;
    }

    private static string? Url(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim();

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    public static void MapChangePublicationStatus(this RouteGroupBuilder publications) =>
        publications.MapPost("/{publicationId:guid}/status", (Guid publicationId, Body body, HttpContext http) =>
            {
                Validate(body).ThrowIfInvalid();
                return PublicationChanges.RunAsync(http, publicationId, (p, context) => Decide(p, body, context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("ChangePublicationStatus")
            .WithSummary("Change a planned item's status: in-progress, published, missed or cancelled (humas officers of its unit; If-Match)")
            .ProducesChange<PublicationView>();
}
