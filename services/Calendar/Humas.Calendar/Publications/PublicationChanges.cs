using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using System.Security.Claims;

namespace Humas.Calendar.Publications;

/// <summary>A planned item as the calendar shows it, times in the unit's own zone; the version is also the ETag.</summary>
public sealed record PublicationView(
    Guid PublicationId, string UnitId, string Title, ContentKind Kind, IReadOnlyList<Channel> Channels, DateTimeOffset? PlannedAt, string TimeZone,
    PublicationStatus Status, string Owner, StageRef? Stage, string? Notes, Visibility Visibility, string? ContentRef, DateTimeOffset? PublishedAt, string? Url,
    bool Late, bool Unplanned, Guid? SeriesId, long Version)
{
    public static PublicationView From(Publication p, long version, UnitDirectory units)
    {
        var zone = units.Find(p.UnitId)?.TimeZone ?? IndonesianTimeZone.Wib;
        return new(p.Id, p.UnitId, p.Content.Title, p.Content.Kind, p.Content.Channels, p.PlannedAt is { } at ? zone.ToLocal(at) : null, zone.Abbreviation,
            p.Status, p.Content.Owner, p.Content.Stage, p.Content.Notes, p.Content.Visibility, p.Content.ContentRef,
            p.PublishedAt is { } published ? zone.ToLocal(published) : null, p.Url, p.Late, p.Unplanned, p.SeriesId, version);
    }
}

/// <summary>What a decider about a publication may depend on besides its state: the moment and the unit's zone.</summary>
public sealed record PublicationContext(DateTimeOffset Now, IndonesianTimeZone Zone, string? Actor);

/// <summary>How a change to a planned item runs through the toolkit's pipeline: humas officers of its unit (or a unit overseeing it) change it.</summary>
public static class PublicationChanges
{
    /// <summary>Humas officers plan and track; the unit's supervisor may too. PPID officers do not edit the publication calendar.</summary>
    public static readonly ActOn HumasOfficer = new(Actors.Officer, [HumasRoles.HumasOfficer, HumasRoles.Supervisor]);

    public static readonly ChangeFlow<Publication, PublicationContext, PublicationView> Flow = new()
    {
        Aggregate = new(Publication.StreamType, Publication.Initial, Publication.Evolve),
        NotFoundCode = "publication.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? Publication.StreamId(id) : null),
        Protect = (_, p, _) => Task.FromResult(new ProtectedResource(p.UnitId)),
        Context = (http, p, _) => Task.FromResult(ContextFor(http.RequestServices, p.UnitId, http.User.FindFirstValue(HumasClaims.Subject))),
        View = (http, p, version) => PublicationView.From(p, version, http.RequestServices.GetRequiredService<UnitDirectory>()),
    };

    public static PublicationContext ContextFor(IServiceProvider services, string unitId, string? actor) => new(
        services.GetRequiredService<TimeProvider>().GetUtcNow(),
        services.GetRequiredService<UnitDirectory>().Find(unitId)?.TimeZone ?? IndonesianTimeZone.Wib, actor);

    public static Task<IResult> RunAsync(HttpContext http, Guid publicationId, Decider<Publication, PublicationContext> decide) =>
        Flow.RunAsync(http, publicationId.ToString(), HumasOfficer, decide, http.RequestAborted);

    public static string Location(Guid id) => $"/api/calendar/publications/{id}";
}
