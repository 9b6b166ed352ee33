using System.ComponentModel.DataAnnotations;
using Humas.Eventing.Store;
using Humas.MediaRelations.Subjects;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases;
using Humas.UseCases.Idempotency;

namespace Humas.MediaRelations.PressReleases;

/// <summary>
/// The way of a release: drafted and revised by a humas officer of its unit, submitted for review,
/// approved by a reviewer who is not its author (four eyes) or sent back, then published now, with
/// an embargo time, or scheduled for a time. Every decision is a pure function of the state.
/// </summary>
public static class ReleaseWorkflow
{
    public sealed record NoteBody([property: MaxLength(2000)] string? Note);

    /// <summary>Publish: at once, or at PublishAt (scheduled), with an optional embargo time for journalists.</summary>
    public sealed record PublishBody(DateTimeOffset? PublishAt, DateTimeOffset? EmbargoUntil);

    public static void MapReleaseWorkflow(this RouteGroupBuilder releases)
    {
        releases.MapPost("/", DraftAsync).RequireAuthorization(HumasPolicies.Authenticated).WithIdempotencyKey("draft-press-release")
            .WithName("DraftRelease").WithSummary("Draft a press release of a unit (humas officers of the unit)")
            .Produces<ReleaseView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        releases.MapPut("/{releaseId:guid}", (Guid releaseId, ReleaseBody body, HttpContext http, SubjectList subjects) =>
            {
                body.ValidateContent(subjects).ThrowIfInvalid();
                return ReleaseChanges.RunAsync(http, releaseId, (state, _) => Revise(state, body.ToContent()));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("ReviseRelease")
            .WithSummary("Replace a draft's content (If-Match with its version)").ProducesChange<ReleaseView>();
        releases.MapPost("/{releaseId:guid}/submit", (Guid releaseId, HttpContext http) => ReleaseChanges.RunAsync(http, releaseId, Submit))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("SubmitRelease")
            .WithSummary("Submit a draft for review (If-Match with its version)").ProducesChange<ReleaseView>();
        releases.MapPost("/{releaseId:guid}/send-back", (Guid releaseId, NoteBody? body, HttpContext http) =>
            {
                new Validation().Text(body?.Note, "note", 2000).ThrowIfInvalid();
                return ReleaseChanges.RunAsync(http, releaseId, (state, context) => SendBack(state, body!.Note!.Trim(), context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("SendBackRelease")
            .WithSummary("Send a release in review back to its author with a note (If-Match with its version)").ProducesChange<ReleaseView>();
        releases.MapPost("/{releaseId:guid}/approve", (Guid releaseId, HttpContext http) => ReleaseChanges.RunAsync(http, releaseId, Approve))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("ApproveRelease")
            .WithSummary("Approve a release in review; the reviewer is not its author (If-Match with its version)").ProducesChange<ReleaseView>();
        releases.MapPost("/{releaseId:guid}/publish", (Guid releaseId, PublishBody? body, HttpContext http, TimeProvider clock) =>
            {
                ValidatePublish(body, clock.GetUtcNow()).ThrowIfInvalid();
                // Times are kept in UTC whatever offset the caller wrote (+07:00 from an office in WIB).
                return ReleaseChanges.RunAsync(http, releaseId,
                    (state, context) => Publish(state, body?.PublishAt?.ToUniversalTime(), body?.EmbargoUntil?.ToUniversalTime(), context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("PublishRelease")
            .WithSummary("Publish an approved release now or at a time, optionally under embargo (If-Match with its version)").ProducesChange<ReleaseView>();
    }

    public static Validation ValidateDraft(ReleaseBody body, UnitDirectory units, SubjectList subjects)
    {
        var errors = body.ValidateContent(subjects);
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId.Trim()) is null, "unitId", "field.unknown-unit", body.UnitId);
        return errors;
    }

    public static Validation ValidatePublish(PublishBody? body, DateTimeOffset now)
    {
        var errors = new Validation();
        var earliest = body?.PublishAt ?? now;
        if (body?.PublishAt is { } at)
            errors.FailWhen(at <= now || at > now.AddYears(1), "publishAt", "release.publish-at.out-of-range");
        if (body?.EmbargoUntil is { } until)
            errors.FailWhen(until <= earliest || until > now.AddYears(1), "embargoUntil", "release.embargo.out-of-range");
        return errors;
    }

    public static PressReleaseDrafted Draft(ReleaseBody body, Guid releaseId, string author, DateTimeOffset now, Guid? clarificationId = null) =>
        new(releaseId, body.UnitId!.Trim(), body.ToContent(), author, now, clarificationId);

    public static IReadOnlyList<object> Revise(PressRelease state, ReleaseContent content) => state.Status switch
    {
        ReleaseStatus.Draft when state.Content.Equals(content) => [],
        ReleaseStatus.Draft => [new PressReleaseRevised(state.Id, content)],
        _ => throw Refusal.Conflict("release.not-a-draft"),
    };

    public static IReadOnlyList<object> Submit(PressRelease state, ReleaseContext context) => state.Status switch
    {
        ReleaseStatus.InReview => [],
        ReleaseStatus.Draft => [new PressReleaseSubmitted(state.Id, context.Actor, context.Now)],
        _ => throw Refusal.Conflict("release.not-a-draft"),
    };

    public static IReadOnlyList<object> SendBack(PressRelease state, string note, ReleaseContext context) => state.Status switch
    {
        ReleaseStatus.InReview => [new PressReleaseSentBack(state.Id, context.Actor, note, context.Now)],
        _ => throw Refusal.Conflict("release.not-in-review"),
    };

    /// <summary>
    /// Four eyes: neither the author nor the officer who submitted it approves a release (an
    /// official statement drafted by the service has the submitting officer as its author in fact).
    /// </summary>
    public static IReadOnlyList<object> Approve(PressRelease state, ReleaseContext context) => state.Status switch
    {
        ReleaseStatus.Approved when state.ApprovedBy == context.Actor => [],
        ReleaseStatus.InReview when string.Equals(state.Author, context.Actor, StringComparison.Ordinal)
            || string.Equals(state.SubmittedBy, context.Actor, StringComparison.Ordinal) => throw Refusal.Forbidden("release.four-eyes"),
        ReleaseStatus.InReview => [new PressReleaseApproved(state.Id, context.Actor, context.Now)],
        _ => throw Refusal.Conflict("release.not-in-review"),
    };

    /// <summary>
    /// Only an approved release is published. PublishAt in the future schedules it (the service
    /// publishes it then); otherwise it is published now, public at once or, with EmbargoUntil,
    /// visible to accredited journalists until that time.
    /// </summary>
    public static IReadOnlyList<object> Publish(PressRelease state, DateTimeOffset? publishAt, DateTimeOffset? embargoUntil, ReleaseContext context)
    {
        if (state.Status != ReleaseStatus.Approved) throw Refusal.Conflict(state.Status is ReleaseStatus.Published or ReleaseStatus.Scheduled ? "release.already-published" : "release.not-approved");
        if (publishAt is { } at && at > context.Now) return [new PressReleaseScheduled(state.Id, at, embargoUntil, context.Now)];
        return [PublishedNow(state, embargoUntil, context.Now)];
    }

    public static PressReleasePublishedInternally PublishedNow(PressRelease state, DateTimeOffset? embargoUntil, DateTimeOffset now) =>
        new(state.Id, state.UnitId, state.Content.Headline, state.Content.Language, now, embargoUntil is { } until && until > now ? until : null, state.ClarificationId);

    private static async Task<IResult> DraftAsync(
        ReleaseBody body, HttpContext http, UnitDirectory units, SubjectList subjects, TimeProvider clock, ResourceAccess access, MarkdownRenderer markdown, CancellationToken ct)
    {
        ValidateDraft(body, units, subjects).ThrowIfInvalid();
        await access.DemandForUnitAsync(http, body.UnitId!.Trim(), ReleaseChanges.MediaOfficer);

        await using var write = await WriteSession.OpenAsync(http, ct);
        var author = ChangeFlow<PressRelease, ReleaseContext, ReleaseView>.ActorOf(http) ?? "";
        var drafted = Draft(body, Guid.CreateVersion7(), author, clock.GetUtcNow());
        var result = await write.Session.AppendAsync(PressRelease.StreamId(drafted.ReleaseId), PressRelease.StreamType, ExpectedVersion.NoStream, [drafted],
            new EventMetadata(Actor: author), ct);
        await write.CommitAsync(ct);

        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created(ReleaseChanges.Location(drafted.ReleaseId), ReleaseView.From(PressRelease.Evolve(PressRelease.Initial, drafted), result.Version, markdown));
    }
}
