using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;

namespace Humas.MediaRelations.PressReleases;

/// <summary>When and by whom a change is made: the four-eyes rule compares accounts.</summary>
public sealed record ReleaseContext(DateTimeOffset Now, string Actor);

/// <summary>A release as its unit's humas officers see it; the version is also the ETag.</summary>
public sealed record ReleaseView(
    Guid ReleaseId, string UnitId, ReleaseStatus Status, string Headline, string Summary, string Body, string BodyHtml, string Language,
    IReadOnlyList<string> Subjects, string Place, ContactPerson Contact, string Author, string? ApprovedBy,
    DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, DateTimeOffset? EmbargoUntil, bool Public, int ReleaseVersion, Guid? ClarificationId, long Version,
    IReadOnlyList<ReleaseAttachment>? Attachments = null)
{
    public static ReleaseView From(PressRelease r, long version, MarkdownRenderer markdown) => new(
        r.Id, r.UnitId, r.Status, r.Content.Headline, r.Content.Summary, r.Content.BodyMarkdown, markdown.ToSafeHtml(r.Content.BodyMarkdown),
        r.Content.Language, r.Content.Subjects, r.Content.Place, r.Content.Contact, r.Author, r.ApprovedBy,
        r.PublishAt, r.PublishedAt, r.EmbargoUntil, r.IsPublic, r.CurrentVersion, r.ClarificationId, version, r.Attachments);
}

/// <summary>How a change to a release runs through the toolkit's pipeline: only humas officers (or supervisors) of its unit change it.</summary>
internal static class ReleaseChanges
{
    /// <summary>Humas officers and supervisors of the unit or of a unit overseeing it.</summary>
    public static readonly ActOn MediaOfficer = new(Actors.Officer, [HumasRoles.HumasOfficer, HumasRoles.Supervisor]);

    public static readonly ChangeFlow<PressRelease, ReleaseContext, ReleaseView> Flow = new()
    {
        Aggregate = new(PressRelease.StreamType, PressRelease.Initial, PressRelease.Evolve),
        NotFoundCode = "release.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? PressRelease.StreamId(id) : null),
        Protect = (_, release, _) => Task.FromResult(new ProtectedResource(release.UnitId)),
        Context = (http, _, _) => Task.FromResult(new ReleaseContext(
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            ChangeFlow<PressRelease, ReleaseContext, ReleaseView>.ActorOf(http) ?? "")),
        View = (http, release, version) => ReleaseView.From(release, version, http.RequestServices.GetRequiredService<MarkdownRenderer>()),
    };

    public static Task<IResult> RunAsync(HttpContext http, Guid releaseId, Decider<PressRelease, ReleaseContext> decide) =>
        Flow.RunAsync(http, releaseId.ToString(), MediaOfficer, decide, http.RequestAborted);

    public static string Location(Guid releaseId) => $"/api/media/releases/{releaseId}";
}
