using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Npgsql;

namespace Humas.Calendar.Publications.Editing;

/// <summary>
/// Edits a planned item in place (PUT with If-Match): title, kind, channels, owner, stage, notes,
/// visibility. Its time moves with a reschedule, its status with a status change, so that each
/// keeps its own history.
/// </summary>
public static class EditPublication
{
    /// <summary>No events when nothing changes, so a repeated edit is harmless.</summary>
    public static IReadOnlyList<object> Decide(Publication p, ContentBody body, PublicationContext context)
    {
        if (p.Status == PublicationStatus.Cancelled) throw Refusal.Conflict("publication.cancelled");
        var content = body.ToContent(p.Content.Owner);
        return content.Equals(p.Content) ? [] : [new PublicationEdited(content)];
    }

    public static void MapEditPublication(this RouteGroupBuilder publications) =>
        publications.MapPut("/{publicationId:guid}", async (Guid publicationId, ContentBody body, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
            {
                var errors = body.ValidateContent();
                if (errors.IsValid) await Planning.PlanPublication.StageMustExistAsync(body.Stage, db, errors, ct);
                errors.ThrowIfInvalid();
                return await PublicationChanges.RunAsync(http, publicationId, (p, context) => Decide(p, body, context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("EditPublication")
            .WithSummary("Edit a planned item's fields in place (humas officers of its unit; If-Match)")
            .ProducesChange<PublicationView>();
}
