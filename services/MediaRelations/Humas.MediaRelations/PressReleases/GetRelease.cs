using Humas.Eventing.Store;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;

namespace Humas.MediaRelations.PressReleases;

/// <summary>A public release as anyone reads it: no accounts of its authors or reviewers.</summary>
public sealed record PublicRelease(
    Guid ReleaseId, string Uri, string UnitId, int Version, string Headline, string Summary, string BodyHtml, string Language,
    IReadOnlyList<string> Subjects, string Place, ContactPerson Contact, DateTimeOffset FirstCreated, DateTimeOffset VersionCreated, string PubStatus,
    string? CorrectionNote, string? WithdrawalNotice, IReadOnlyList<ReleaseAttachment>? Attachments = null)
{
    public static PublicRelease From(PressRelease r, MarkdownRenderer markdown, string baseUri)
    {
        var publicSince = r.EmbargoUntil is { } until && until > r.PublishedAt!.Value ? until : r.PublishedAt!.Value;
        var latest = r.Versions[^1];
        var versionCreated = latest.CreatedAt > publicSince ? latest.CreatedAt : publicSince;
        var withdrawn = r.Status == ReleaseStatus.Withdrawn;
        return new(r.Id, $"{baseUri}/api/media/releases/{r.Id}", r.UnitId, r.CurrentVersion, r.Content.Headline, r.Content.Summary,
            withdrawn ? "" : markdown.ToSafeHtml(r.Content.BodyMarkdown), r.Content.Language, r.Content.Subjects, r.Content.Place, r.Content.Contact,
            publicSince, withdrawn ? r.WithdrawnAt!.Value : versionCreated, withdrawn ? "canceled" : "usable", latest.CorrectionNote, r.WithdrawalNotice,
            withdrawn ? [] : r.Attachments);
    }
}

/// <summary>
/// GET /api/media/releases/{id}: a public release to anyone; a release not yet public (draft,
/// in review, scheduled, embargoed) only to humas officers of its unit, and to everyone else it
/// does not exist.
/// </summary>
public static class GetRelease
{
    public static void MapGetRelease(this RouteGroupBuilder releases) =>
        releases.MapGet("/{releaseId:guid}", HandleAsync).AllowAnonymous()
            .WithName("GetRelease")
            .WithSummary("One press release: public to anyone; drafts and embargoed releases to humas officers of its unit")
            .Produces<PublicRelease>()
            .Produces<ReleaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid releaseId, HttpContext http, EventStore store, ResourceAccess access, MarkdownRenderer markdown, CancellationToken ct)
    {
        var found = await store.AggregateAsync(PressRelease.StreamId(releaseId), PressRelease.Initial, PressRelease.Evolve, ct);
        if (found is not var (release, version)) throw Refusal.NotFound("release.not-found", releaseId);
        if (await access.AllowsAsync(http.User, new ProtectedResource(release.UnitId), ReleaseChanges.MediaOfficer))
        {
            EntityTags.Set(http.Response, version);
            return TypedResults.Ok(ReleaseView.From(release, version, markdown));
        }
        if (!release.IsPublic && !release.IsWithdrawnPublicly) throw Refusal.NotFound("release.not-found", releaseId);
        return TypedResults.Ok(PublicRelease.From(release, markdown, $"{http.Request.Scheme}://{http.Request.Host}"));
    }

    /// <summary>One version of a public release as it was published, with its correction note.</summary>
    public sealed record VersionView(int Version, string Headline, string Summary, string BodyHtml, DateTimeOffset VersionCreated, string? CorrectionNote);

    public static void MapGetReleaseVersions(this RouteGroupBuilder releases) =>
        releases.MapGet("/{releaseId:guid}/versions", async (Guid releaseId, EventStore store, MarkdownRenderer markdown, CancellationToken ct) =>
            {
                var found = await store.AggregateAsync(PressRelease.StreamId(releaseId), PressRelease.Initial, PressRelease.Evolve, ct);
                if (found is not var (release, _) || !(release.IsPublic || release.IsWithdrawnPublicly)) throw Refusal.NotFound("release.not-found", releaseId);
                return TypedResults.Ok(release.Versions.Select(v => new VersionView(v.Number, v.Content.Headline, v.Content.Summary,
                    markdown.ToSafeHtml(v.Content.BodyMarkdown), v.CreatedAt, v.CorrectionNote)).ToArray());
            })
            .AllowAnonymous()
            .WithName("ListReleaseVersions")
            .WithSummary("The history of a public release's versions, each with its correction note")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
