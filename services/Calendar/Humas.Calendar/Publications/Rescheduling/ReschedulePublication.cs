using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;

namespace Humas.Calendar.Publications.Rescheduling;

/// <summary>
/// Moves a planned item to another local date and time, or into the unscheduled pool
/// (<c>plannedAt</c> null). The previous time stays in its history; a missed item moved to a
/// new time is planned again.
/// </summary>
public static class ReschedulePublication
{
    public sealed record Body([property: MaxLength(40)] string? PlannedAt, [property: MaxLength(2000)] string? Reason);

    public static IReadOnlyList<object> Decide(Publication p, DateTimeOffset? to, string? reason, PublicationContext context)
    {
        if (p.Status is PublicationStatus.Published or PublicationStatus.Cancelled)
            throw Refusal.Conflict("publication.reschedule.final", KebabNames.Of(p.Status));
        if (to is { } moment && Publication.LocalDate(moment, context.Zone) < Publication.LocalDate(context.Now, context.Zone))
            throw Refusal.Invalid("plannedAt", "publication.reschedule.past");
        var wasMissed = p.Status == PublicationStatus.Missed;
        if (to == p.PlannedAt && !wasMissed) return [];
        return [new PublicationRescheduled(p.PlannedAt, to, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), wasMissed)];
    }

    public static void MapReschedulePublication(this RouteGroupBuilder publications) =>
        publications.MapPost("/{publicationId:guid}/reschedule", (Guid publicationId, Body body, HttpContext http) =>
                PublicationChanges.RunAsync(http, publicationId, (p, context) =>
                {
                    var errors = new Validation().Text(body.Reason, "reason", 2000, required: false);
                    var to = PlannedTime.Parse(body.PlannedAt, context.Zone, context.Now.Year, errors);
                    errors.ThrowIfInvalid();
                    return Decide(p, to, body.Reason, context);
                }))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("ReschedulePublication")
            .WithSummary("Move a planned item to another local time, or to the unscheduled pool with plannedAt null (If-Match)")
            .ProducesChange<PublicationView>();
}
